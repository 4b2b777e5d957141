// While one identity is planned, identical reads (e.g. memberOf for groups and for roles) are
// sent once: a session whose transport remembers GET answers by URL.
import type { HttpResponse, HttpTransport } from '../http/types.js';
import type { ConnectorSession } from '../operations/session.js';

export function withReadMemo(session: ConnectorSession): ConnectorSession {
  const answers = new Map<string, Promise<HttpResponse>>();
  const transport: HttpTransport = {
    send(request, options) {
      if (request.method !== 'GET') return session.transport.send(request, options);
      let answer = answers.get(request.url);
      if (!answer) {
        answer = session.transport.send(request, options);
        answers.set(request.url, answer);
        answer.catch(() => answers.delete(request.url));
      }
      return answer;
    },
    close: () => session.transport.close(),
  };
  return { ...session, transport };
}
