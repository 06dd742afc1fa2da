import type { YearCalendar } from './year-calendar.ts';

/**
 * 国务院办公厅关于2025年部分节假日安排的通知 (国办发明电〔2024〕12号, 2024-11-12). Kept because
 * cases accepted late in 2025 are still counted through its last weeks (domain.md §8 Ex 1 variant).
 */
export const cn2025: YearCalendar = Object.freeze({
  year: 2025,
  holidays: Object.freeze([
    { name: '元旦', from: '2025-01-01', to: '2025-01-01' },
    { name: '春节', from: '2025-01-28', to: '2025-02-04' },
    { name: '清明节', from: '2025-04-04', to: '2025-04-06' },
    { name: '劳动节', from: '2025-05-01', to: '2025-05-05' },
    { name: '端午节', from: '2025-05-31', to: '2025-06-02' },
    { name: '国庆节、中秋节', from: '2025-10-01', to: '2025-10-08' },
  ]),
  extraWorkdays: Object.freeze(['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11']),
  source:
    '国务院办公厅关于2025年部分节假日安排的通知 (国办发明电〔2024〕12号, 2024-11-12), https://m.gmw.cn/2024-11/12/content_1303894933.htm',
});
