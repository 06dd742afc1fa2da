/** Free texts of the lifecycle. Reasons are long enough to satisfy ALL Art. 38 (IR01: ≥ 10 characters). */
export const REFUSAL_REASONS = [
  '申请事项不属于本机关职权范围，请向有管辖权的机关申请。',
  '申请人不具备法定申请资格，依法不予受理。',
  '申请事项依法不需要取得行政许可，不予受理。',
  '申请材料存在虚假内容，依据《行政许可法》第三十一条不予受理。',
];
/** IR01: a refusal without a reason, or one too terse to be a reason. */
export const TERSE_REASONS = ['', '不符合', '材料不全', '不予受理'];

export const DENIAL_REASONS = [
  '经审查，申请人不符合法定条件，依据《行政许可法》第三十八条第二款不予许可。',
  '现场核查发现经营场所与申报材料不一致，不符合许可条件，不予许可。',
  '申请项目不符合国土空间规划要求，依法不予许可。',
];
export const RETURN_REASONS = ['申请人未按要求补正材料，经告知后退回申请。', '申请事项需先取得前置审批文件，退回申请人。'];
export const VOID_REASONS = ['申请人重复申报，本件作废处理。', '系统录入错误，经审核同意作废。'];
export const DELETE_REASONS = ['测试数据误录入生产系统，经审批删除。'];

export const SUPPLEMENT_REASONS = ['申请材料不齐全，请一次性补齐以下材料。', '申请材料不符合法定形式，请按要求补正。'];
export const EXTRA_MATERIALS = [
  { code: 'B01', name: '补充情况说明' },
  { code: 'B02', name: '委托书原件' },
  { code: 'B03', name: '房屋租赁合同' },
];
/** IR05: a material the notice never asked for. */
export const UNREQUESTED_MATERIAL = { code: 'B09', name: '其他补充材料' };

export const SUSPENSION_REASONS = ['申请人申请暂缓办理，经批准挂起。', '需等待司法机关出具相关文书，经批准挂起。', '涉及权属争议，待争议解决后继续办理。'];
export const SPECIAL_PROCEDURE_REASONS: Record<string, string> = {
  听证: '申请人依法申请听证（《行政许可法》第四十七条）。',
  招标: '依法需通过招标方式作出决定。',
  拍卖: '依法需通过拍卖方式作出决定。',
  检验: '需对设备设施进行检验。',
  检测: '需委托第三方机构进行检测。',
  检疫: '需依法进行检疫。',
  鉴定: '需委托专业机构进行鉴定。',
  专家评审: '项目技术复杂，需组织专家评审。',
};
export const EXTENSION_REASONS = ['案情复杂，二十日内不能作出决定，经本机关负责人批准延长。', '需补充调查核实相关情况，经负责人批准延长审批期限。'];

export const WITHDRAWAL_REASONS = ['申请人主动申请撤回。', '申请人逾期未补正材料，视为撤回申请。'];

export const RATING_COMMENTS: Record<number, readonly string[]> = {
  1: ['办事效率高，服务热情。', '一次就办好了，非常满意。'],
  2: ['服务不错。', '流程清楚。'],
  3: ['等候时间有点长。'],
  4: ['来回跑了好几次，不满意。', '窗口人员解释不清楚。'],
  5: ['超过承诺时间仍未办结。', '工作人员态度恶劣。'],
};

export const COMPLAINTS = ['办理时间超过承诺时限。', '窗口人员态度冷淡，解释不耐心。', '要求提交清单以外的材料。'];
export const COMPLAINT_FEEDBACK = ['已约谈相关工作人员并向投诉人致歉。', '经核实，办理程序符合规定，已向投诉人说明。'];
