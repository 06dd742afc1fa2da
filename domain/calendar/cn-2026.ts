import type { YearCalendar } from './year-calendar.ts';

/** 国务院办公厅关于2026年部分节假日安排的通知, dated 2025-11-04 [domain.md S1]. */
export const cn2026: YearCalendar = Object.freeze({
  year: 2026,
  holidays: Object.freeze([
    { name: '元旦', from: '2026-01-01', to: '2026-01-03' },
    { name: '春节', from: '2026-02-15', to: '2026-02-23' },
    { name: '清明节', from: '2026-04-04', to: '2026-04-06' },
    { name: '劳动节', from: '2026-05-01', to: '2026-05-05' },
    { name: '端午节', from: '2026-06-19', to: '2026-06-21' },
    { name: '中秋节', from: '2026-09-25', to: '2026-09-27' },
    { name: '国庆节', from: '2026-10-01', to: '2026-10-07' },
  ]),
  extraWorkdays: Object.freeze(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']),
  source:
    '国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04), https://politics.gmw.cn/2025-11/04/content_38391083.htm',
});
