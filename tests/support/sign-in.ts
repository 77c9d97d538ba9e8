/** Signs in through the form as a browser would: the CSRF cookie first, then the post. */
export async function signInByForm(
  baseUrl: string,
  email: string,
  password: string,
): Promise<{ status: number; location: string | null; sessionCookie: string | undefined }> {
  const form = await fetch(`${baseUrl}/logga-in`);
  const csrfCookie = form.headers.get('set-cookie')!.split(';')[0];
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())![1];
  const response = await fetch(`${baseUrl}/logga-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: csrfCookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: csrf, email, password, tillbaka: '/oversikt' }),
  });
  return {
    status: response.status,
    location: response.headers.get('location'),
    sessionCookie: response.headers.get('set-cookie')?.split(';')[0],
  };
}
