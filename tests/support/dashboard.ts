import type { TestApi } from './test-stack';

/** Every case the dashboard says waits, walked page by page (it returns one page at a time). */
export async function everyBlockedRow(api: TestApi): Promise<any[]> {
  const rows: any[] = [];
  for (let offset = 0; ; offset += 200) {
    const page = await api.request('GET', `/api/dashboard?limit=200&offset=${offset}`);
    if (page.status !== 200) throw new Error(`GET /api/dashboard: ${page.status}`);
    rows.push(...page.body.blocked);
    if (offset + 200 >= page.body.blockedTotal) return rows;
  }
}
