import { ID_NUMBER_PROBLEM_ZH } from '../../../../shared/domain/idNumber';
import { PARTY_PHONE_MESSAGE } from '../../../../shared/domain/phoneNumbers';

/** 登记: the intake form. */
export default {
  title: '登记新案件',
  section: { case: '案件信息', parties: '当事人', place: '发生地点', summary: '纠纷简要情况与预警' },
  pickCategory: '选择类别',
  amount: '涉及金额',
  yuan: '元',
  repeatVisits: '重复来访次数',
  place: '村（社区） / 网格',
  placePlaceholder: '选择村（社区），再选网格',
  placeHint: '可输入名称筛选；没有网格的村选到村即可',
  placeRequired: '请选择村（社区）和网格',
  address: '详细地址',
  addressPlaceholder: '如：某某组12号（离线时按文字保存）',
  summaryPlaceholder: '纠纷的起因、经过、诉求',
  mapShow: '在地图上标注位置',
  mapHide: '收起地图',
  mapHint: '点击地图标注纠纷发生位置，将自动选中所在网格（底图为本地网格边界，无需联网）',
  mapPickVillage: '请先选择村（社区），地图将显示其网格',
  point: '已标注：经度 {{lon}}，纬度 {{lat}}',
  summaryRequired: '请填写纠纷简要情况',
  submit: '登记',
  cancel: '取消',
  keysHint: 'Tab 逐项填写，当事人行内按回车增加一人，Ctrl+Enter 登记',
  saved: '已登记：{{caseNo}}',
  // The core's own messages for these (the form runs the same rules from shared/domain).
  phoneInvalid: PARTY_PHONE_MESSAGE,
  idProblem: ID_NUMBER_PROBLEM_ZH,
  party: {
    side: '身份',
    nameRequired: '请填写当事人姓名或名称',
    addApplicant: '增加申请人',
    addRespondent: '增加被申请人',
    remove: '删除此当事人',
    enterHint: '在当事人行内按回车，增加同一方的当事人',
    male: '男',
    female: '女',
  },
  warning: {
    proposed: '规则建议预警：',
    noReason: '未触发预警规则',
    level: '预警等级',
    reason: '调整预警的理由',
    reasonRequired: '与规则建议不同，须填写理由',
    // What the rules saw, in the core's words (shared/domain/warningRules warningReasonText).
    factor: {
      keywords: '案情含“{{words}}”',
      people: '涉及{{count}}人（{{threshold}}人以上）',
      amount: '涉及金额{{yuan}}元（{{wan}}万元以上）',
      repeatVisits: '重复来访{{count}}次',
      watchedCategory: '{{reason}}',
    },
    wordJoin: '、',
    reasonJoin: '；',
  },
  duplicates: {
    title: '同一网格内这些当事人已有 {{count}} 件在办案件',
    confirmTitle: '可能是重复登记',
    registerAnyway: '仍然登记',
  },
} as const;
