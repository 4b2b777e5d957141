// RFC 6901 JSON pointers, used to name places in a definition.

export function escapePointerToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function pointerOf(...tokens: ReadonlyArray<string | number>): string {
  return tokens.map((t) => '/' + escapePointerToken(String(t))).join('');
}

export function childPointer(parent: string, token: string | number): string {
  return `${parent}/${escapePointerToken(String(token))}`;
}

export function pointerTokens(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** A readable dotted form for messages: /objectClasses/user/attributes -> objectClasses.user.attributes */
export function pointerToDotted(pointer: string): string {
  return pointerTokens(pointer)
    .map((t, i) => (/^\d+$/.test(t) ? `[${t}]` : /^[A-Za-z_$][\w$-]*$/.test(t) ? (i === 0 ? t : `.${t}`) : `[${JSON.stringify(t)}]`))
    .join('');
}
