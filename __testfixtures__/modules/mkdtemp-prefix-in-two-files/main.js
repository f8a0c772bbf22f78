// Two modules make their scratch directories with the same mkdtemp prefix: each call gets its own.
const { copyNotes } = require('./copy');
const { countNotes } = require('./count');

console.log(copyNotes(['a', 'b']), countNotes(3));
