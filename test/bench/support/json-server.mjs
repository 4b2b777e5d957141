// A minimal plain-HTTP target for throughput benchmarks, run in its own process so that
// its work does not share the measuring process's event loop: an OAuth2 token endpoint and
// GET /api/v2/accounts/{id} answering a fixed account. Prints {"port"} and serves until killed.
import { createServer } from 'node:http';

const token = JSON.stringify({ access_token: 'bench-access-token', token_type: 'Bearer', expires_in: 3600 });
const account = (id) =>
  JSON.stringify({
    accountId: id,
    login: `user.${id}`,
    fullName: 'Bench User',
    email: `user.${id}@acme.example`,
    department: 'Engineering',
    title: 'Engineer',
    phones: ['+1-555-0100'],
    status: 'ACTIVE',
    manager: null,
    createdAt: '2030-01-01T00:00:00.000Z',
    updatedAt: '2030-01-01T00:00:00.000Z',
    lastPasswordChange: '2030-01-01T00:00:00.000Z',
  });

const server = createServer((request, response) => {
  request.resume();
  request.on('end', () => {
    const url = request.url ?? '/';
    if (request.method === 'POST' && url === '/oauth/token') {
      response.writeHead(200, { 'content-type': 'application/json' }).end(token);
      return;
    }
    const match = /^\/api\/v2\/accounts\/([^/?]+)/.exec(url);
    if (request.method === 'GET' && match && request.headers.authorization === 'Bearer bench-access-token') {
      response.writeHead(200, { 'content-type': 'application/json' }).end(account(match[1]));
      return;
    }
    response.writeHead(404, { 'content-type': 'application/json' }).end('{"errors":[{"code":"NOT_FOUND","detail":"no such thing"}]}');
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ port: server.address().port })}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
