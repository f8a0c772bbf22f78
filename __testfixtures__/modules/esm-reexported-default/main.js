// An ES module program: its helpers take Node's path and os from a re-exporting module.
import('./lib/report.mjs').then(({ writeReport }) => {
  console.log(writeReport('total: 3'));
});
