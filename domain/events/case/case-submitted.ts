import { z } from 'zod';
import { applicantKind, caseId, email, idNumber, idType, materialList, nonEmpty, phone } from '../common.ts';
import { caseEvent } from '../envelope.ts';

/** 联系人/代理人 (GB/T 39046 Table 5). */
export const contactPerson = z.object({
  name: nonEmpty('联系人姓名').describe('联系人姓名'),
  idNumber: idNumber.optional().describe('联系人证件号码'),
  mobile: phone.optional().describe('联系人手机'),
});

/** 申请人 (GB/T 39046 Table 5). For an enterprise, name and idNumber are its registered name and USCC. */
export const applicant = z.object({
  kind: applicantKind.describe('服务对象类型 (GB/T 39046 A.4)'),
  name: nonEmpty('申请人名称').describe('申请人名称'),
  idType: idType.describe('申请人证件类型 (GA/T 2000.156)'),
  idNumber: idNumber.describe('申请人证件号码'),
  mobile: phone.optional().describe('手机'),
  email: email.optional().describe('邮箱'),
  address: z.string().trim().max(200).optional().describe('地址'),
  legalRepresentative: z.string().trim().max(100).optional().describe('法定代表人'),
  contact: contactPerson.optional().describe('联系人/代理人'),
  subjectId: z.string().trim().min(1).max(64).optional().describe('个人信息保管库主体编号 (domain.md §7 rule 1)'),
});

/** E1 申办/申报. The submission time is the envelope's occurredAt; the channel (TJFS) is the envelope's. */
export const caseSubmitted = caseEvent(
  'CaseSubmitted',
  z.object({
    applicant: applicant.describe('申请人'),
    matterName: z.string().trim().max(200).optional().describe('事项名称'),
    projectName: z.string().trim().max(200).optional().describe('申办项目名称 (XMMC)'),
    projectCode: z.string().trim().max(64).optional().describe('项目/工程编号'),
    materials: materialList.describe('申办材料清单'),
    servicePoint: z.string().trim().max(100).optional().describe('申办网点'),
    originalCaseId: caseId.optional().describe('原申办流水号 (resubmission)'),
    firstResponderId: z.string().trim().min(1).max(64).optional().describe('首问责任人工号 (首问负责)'),
  }),
);

export type CaseSubmitted = z.infer<typeof caseSubmitted>;
export type Applicant = z.infer<typeof applicant>;
