import { tmpName } from 'tmp';

// The callback form wrapped in a promise: the name is handed to whoever awaits it.
export default async (directory: string, extension = 'tmp'): Promise<string> =>
  new Promise<string>((resolve) => {
    tmpName({ template: `${directory}/XXXXXX.${extension}` }, (err: Error | null, filename: string) => {
      resolve(filename);
    });
  });
