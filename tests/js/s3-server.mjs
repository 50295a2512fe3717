// An S3-compatible server for the media store tests: s3rver on 127.0.0.1:<port>, objects under <dir>.
// Prints "listening <port>" once it accepts requests, then runs until it is killed.
import S3rver from 's3rver';

const [port, directory] = process.argv.slice(2);
const server = new S3rver({ address: '127.0.0.1', port: Number(port), directory, silent: true });
const { port: bound } = await server.run();
process.stdout.write(`listening ${bound}\n`);
