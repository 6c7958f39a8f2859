import { NATIONAL_MOTTO, NATIONAL_TITLE, vietnameseDate, type Block, type DocumentModel } from './model';

export const escapeHtml = (s: unknown): string =>
  String(s ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/**
 * The same document as a page for a browser's view and print (`?format=html` on the document
 * routes): the PDF is the document kept and signed, this is a convenience.
 */
export function renderHtml(m: DocumentModel): string {
  const e = escapeHtml;
  const block = (b: Block): string => {
    switch (b.kind) {
      case 'heading':
        return `<h2>${e(b.text)}</h2>`;
      case 'paragraph': {
        const text = b.bold ? `<strong>${e(b.text)}</strong>` : e(b.text);
        return `<p${b.align ? ` style="text-align:${b.align}"` : ''}>${b.italic ? `<em>${text}</em>` : text}</p>`;
      }
      case 'fields':
        return `<p>${b.rows.map((r) => `${e(r.label)}: ${r.bold ? `<strong>${e(r.value)}</strong>` : e(r.value)}`).join('<br>\n')}</p>`;
      case 'list':
        return `<${b.ordered ? 'ol' : 'ul'}>${b.items.map((i) => `<li>${e(i)}</li>`).join('')}</${b.ordered ? 'ol' : 'ul'}>`;
      case 'table': {
        const rows = b.rows.length
          ? b.rows.map((r) => `<tr>${r.map((c) => `<td>${e(c)}</td>`).join('')}</tr>`).join('\n')
          : `<tr><td colspan="${b.columns.length}">${e(b.empty ?? 'Không có')}</td></tr>`;
        return `${b.caption ? `<p><strong>${e(b.caption)}</strong></p>` : ''}<table><thead><tr>${b.columns.map((c) => `<th>${e(c.header)}</th>`).join('')}</tr></thead>\n<tbody>${rows}</tbody></table>`;
      }
    }
  };
  const signatures = m.signatures?.length
    ? `<div class="sig">${m.signatures.map((s) => `<div><strong>${e(s.role.toUpperCase())}</strong><br><em>${e(s.hint ?? '(Ký, ghi rõ họ tên)')}</em>${s.digital ? '<br><em>(Đã ký số)</em>' : ''}<br><br><br><strong>${e(s.name ?? '')}</strong></div>`).join('')}</div>`
    : '';
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>${e(m.title)}${m.reference ? ` – ${e(m.reference)}` : ''}</title>
<style>body{font-family:"Times New Roman",serif;max-width:760px;margin:2em auto;line-height:1.5}
h1{text-align:center;font-size:1.2em;text-transform:uppercase}h2{font-size:1em}.head{display:flex;justify-content:space-between;text-align:center}
table{border-collapse:collapse;width:100%}td,th{border:1px solid #000;padding:4px;vertical-align:top}
.sig{display:flex;justify-content:space-around;text-align:center;margin-top:2em}@media print{body{margin:0}}</style></head>
<body>
<div class="head"><p><strong>${e(m.issuer.toUpperCase())}</strong>${m.reference ? `<br>${e(m.reference)}` : ''}</p>
<p><strong>${NATIONAL_TITLE}</strong><br><strong>${NATIONAL_MOTTO}</strong><br><em>${e(m.place ? `${m.place}, ` : '')}${vietnameseDate(m.issuedAt)}</em></p></div>
<h1>${e(m.title)}</h1>
${m.subtitle ? `<p style="text-align:center"><strong>${e(m.subtitle)}</strong></p>` : ''}
${m.addressee ? `<p style="text-align:center">Kính gửi: ${e(m.addressee)}</p>` : ''}
${m.blocks.map(block).join('\n')}
${signatures}
</body></html>
`;
}
