import type { DisputeCategory, WarningLevel } from '../../../shared/domain/disputeStatus';
import type { Rng } from './random';

/**
 * Case summaries in the style of a township mediation ledger (台账): parties named by surname only
 * (王某某), the cause, what each side wants. Summaries of cases without a warning avoid the words the
 * warning rules react to (扬言, 群体, 冲突 …); a warned case gets a sentence that explains its colour.
 */
export interface SummaryContext {
  /** 王某某, 王某某等2人, or a company name */
  a: string;
  b: string;
  /** "3.2万元" or "" when no amount */
  amount: string;
  place: string;
  rng: Rng;
}

type Template = (c: SummaryContext) => string;

const pick = <T>(rng: Rng, items: readonly T[]): T => rng.pick(items);

const TEMPLATES: Record<DisputeCategory, Template[]> = {
  婚姻家庭: [
    (c) => `${c.a}与${c.b}系夫妻，因${pick(c.rng, ['家庭琐事', '赡养老人', '子女教育', '家庭开支', '一方长期在外务工'])}产生矛盾，${c.a}提出离婚，${c.b}不同意，申请调解。`,
    (c) => `${c.a}与${c.b}离婚后，就子女抚养费${c.amount ? `（${c.amount}）` : ''}支付及探望时间产生分歧，申请调解。`,
    (c) => `${c.a}兄弟姐妹之间就父母赡养费用分摊及轮流照料问题意见不一，${c.a}请求村调委会主持调解。`,
    (c) => `${c.a}与${c.b}婚约解除后，就彩礼${c.amount ? c.amount : ''}返还问题协商未果，申请调解。`,
    (c) => `${c.a}与儿媳${c.b}因分家析产及房屋使用问题长期不和，家庭关系紧张，申请调解。`,
    (c) => `${c.a}与${c.b}因继承父亲遗留房屋及存款${c.amount ? `约${c.amount}` : ''}的分配产生纠纷。`,
  ],
  邻里: [
    (c) => `${c.a}与邻居${c.b}因${pick(c.rng, ['排水沟', '屋檐滴水', '围墙界址', '通行道路', '空调外机噪音', '楼上漏水'])}问题产生纠纷，双方协商未果。`,
    (c) => `${c.b}饲养的家禽多次进入${c.a}菜地，损毁菜苗，${c.a}要求赔偿${c.amount || '损失'}。`,
    (c) => `${c.a}与${c.b}因${pick(c.rng, ['宅前晒场', '共用水井', '竹木采伐', '化粪池位置'])}使用问题发生口角，${c.place}网格员上门了解后引导调解。`,
    (c) => `${c.b}装修房屋时影响${c.a}家正常生活并造成墙体开裂，${c.a}要求修复并赔偿${c.amount || '损失'}。`,
    (c) => `${c.a}与${c.b}因相邻通道被堆放杂物阻断，出行不便，双方各执一词。`,
  ],
  土地山林: [
    (c) => `${c.a}与${c.b}因${pick(c.rng, ['责任田', '山林', '茶园', '鱼塘'])}界址不清产生争议，双方均主张权属。`,
    (c) => `${c.a}承包的${pick(c.rng, ['责任田', '柑橘园', '楠竹林'])}被${c.b}占用耕种，要求返还并补偿${c.amount || '损失'}。`,
    (c) => `${c.a}与${c.b}就土地流转费${c.amount ? `（${c.amount}）` : ''}的支付时间和标准发生分歧。`,
    (c) => `${c.b}在${c.a}承包山林内擅自砍伐杉木，${c.a}要求赔偿${c.amount || '林木损失'}。`,
  ],
  '宅基地/房屋': [
    (c) => `${c.a}与${c.b}因宅基地界址问题发生争议，${c.b}建房时超出原有界线约${c.rng.int(1, 4)}米。`,
    (c) => `${c.a}购买${c.b}的房屋后，因过户手续及尾款${c.amount ? c.amount : ''}支付问题产生纠纷。`,
    (c) => `${c.a}租住${c.b}房屋，因押金${c.amount ? `${c.amount}` : ''}退还及房屋损坏赔偿产生分歧。`,
    (c) => `${c.a}与${c.b}就祖屋拆除重建后的面积分配问题意见不一，申请调解。`,
  ],
  '劳动/欠薪': [
    (c) => `${c.a}在${c.b}务工期间工资${c.amount}未结清，多次催讨无果，申请调解。`,
    (c) => `${c.a}在${c.b}工地做工时受伤，就医疗费、误工费${c.amount ? `共计${c.amount}` : ''}的承担产生纠纷。`,
    (c) => `${c.a}与${c.b}因解除劳动关系的经济补偿${c.amount ? `（${c.amount}）` : ''}发生争议。`,
    (c) => `${c.b}拖欠${c.a}劳务费${c.amount}，${c.a}通过网格员反映诉求。`,
  ],
  医疗: [
    (c) => `${c.a}在${c.b}就诊后病情加重，认为诊疗存在过错，要求赔偿${c.amount}。`,
    (c) => `${c.a}家属认为${c.b}手术后护理不到位，导致患者二次住院，要求承担医疗费${c.amount}。`,
    (c) => `${c.a}在${c.b}治疗期间发生意外，双方就责任认定及赔偿数额${c.amount}存在分歧，经医调委受理调解。`,
  ],
  交通事故: [
    (c) => `${c.a}驾驶电动车与${c.b}驾驶的小型轿车发生碰撞，${c.a}受伤住院，双方就赔偿${c.amount}协商未果。`,
    (c) => `${c.b}驾驶农用车倒车时撞伤${c.a}，交警已作出责任认定，双方就医疗费、误工费${c.amount}产生分歧。`,
    (c) => `${c.a}与${c.b}因车辆剐蹭事故的维修费用${c.amount}承担问题发生纠纷。`,
  ],
  物业: [
    (c) => `${c.a}以小区电梯长期故障、维修不及时为由拒交物业费，${c.b}催缴${c.amount}未果。`,
    (c) => `${c.a}家中因楼顶渗水受损，要求${c.b}维修并赔偿${c.amount}。`,
    (c) => `${c.a}与${c.b}因停车位管理及收费标准产生分歧，申请社区调解。`,
  ],
  消费: [
    (c) => `${c.a}在${c.b}购买的${pick(c.rng, ['冰箱', '电动车', '手机', '空调', '热水器'])}出现质量问题，要求退货，${c.b}只同意维修。`,
    (c) => `${c.a}与${c.b}签订装修合同，因工期延误和质量问题要求退还部分款项${c.amount}。`,
    (c) => `${c.a}在${c.b}预付的会员卡余额${c.amount}因店铺停业无法使用，要求退款。`,
  ],
  征地拆迁: [
    (c) => `${c.a}对${pick(c.rng, ['道路拓宽', '安置小区建设', '产业园区建设', '水利工程'])}项目的房屋征收补偿标准有异议，与${c.b}协商未果。`,
    (c) => `${c.a}认为${c.b}对其地上附着物（${pick(c.rng, ['果树', '鱼塘', '养殖棚'])}）评估偏低，要求增加补偿${c.amount}。`,
    (c) => `${c.a}与${c.b}就征地补偿款${c.amount}在家庭成员之间的分配问题产生纠纷。`,
  ],
  环境: [
    (c) => `${c.a}反映${c.b}${pick(c.rng, ['养殖场异味', '砂石场粉尘', '加工厂夜间噪音', '排污'])}影响生活，要求整改并赔偿${c.amount || '损失'}。`,
    (c) => `${c.b}生产废水流入${c.a}鱼塘造成鱼苗死亡，${c.a}要求赔偿${c.amount}。`,
    (c) => `${c.a}与${c.b}因垃圾堆放点选址问题意见不一，申请村调委会调解。`,
  ],
  其他: [
    (c) => `${c.a}与${c.b}因民间借贷${c.amount}到期未还产生纠纷。`,
    (c) => `${c.a}与${c.b}合伙经营${pick(c.rng, ['养殖场', '餐馆', '农资店'])}，散伙时就账目结算${c.amount ? `（${c.amount}）` : ''}产生分歧。`,
    (c) => `${c.a}的${pick(c.rng, ['耕牛', '山羊', '农机'])}被${c.b}借用后受损，双方就赔偿${c.amount || '事宜'}协商未果。`,
  ],
};

export function summaryFor(category: DisputeCategory, c: SummaryContext): string {
  return c.rng.pick(TEMPLATES[category])(c);
}

/** A sentence for the summary and the recorded reason, by colour; the red ones name a danger. */
const WARNING_TEXTS: Record<Exclude<WarningLevel, 'none'>, { sentence: string; reason: string }[]> = {
  red: [
    { sentence: '一方情绪激动，扬言要报复对方家人。', reason: '一方扬言报复，存在“民转刑”风险' },
    { sentence: '女方称遭受家暴后有轻生念头，需重点关注。', reason: '当事人有轻生倾向' },
    { sentence: '男方酒后持刀威胁，派出所已出警处置。', reason: '持刀威胁，存在人身伤害风险' },
    { sentence: '当事人情绪极端，多次表示要“同归于尽”。', reason: '当事人情绪极端' },
  ],
  yellow: [
    { sentence: '双方多次发生冲突，一方已分居外出，矛盾有激化趋势。', reason: '矛盾反复，有激化趋势' },
    { sentence: '一方多次到村委会吵闹并表示要去上访。', reason: '有上访苗头' },
    { sentence: '双方亲属介入，有聚集争吵的情况。', reason: '亲属介入，可能引发聚集' },
  ],
  blue: [
    { sentence: '双方因琐事多次争吵，有冲突苗头，需跟踪关注。', reason: '多次争吵，需跟踪关注' },
    { sentence: '一方曾有辱骂行为，网格员已上门劝解。', reason: '有辱骂行为，需跟踪关注' },
    { sentence: '双方关系紧张，存在冲突隐患。', reason: '存在冲突隐患' },
  ],
};

export function warningText(level: Exclude<WarningLevel, 'none'>, rng: Rng): { sentence: string; reason: string } {
  return rng.pick(WARNING_TEXTS[level]);
}

/** The agreement's main terms, by category (调解协议书 "协议内容"). */
export function agreementContent(category: DisputeCategory, amount: string, rng: Rng): string {
  const pay = amount ? `${rng.pick(['被申请人', '乙方'])}于协议签订之日起${rng.pick(['七日', '十五日', '三十日'])}内一次性支付申请人${amount}` : '';
  const byCategory: Record<DisputeCategory, string> = {
    婚姻家庭: amount ? `${pay}；双方互谅互让，今后和睦相处。` : '双方同意继续共同生活，互相尊重，共同承担家庭责任；如再有矛盾，先请村调委会协调。',
    邻里: amount ? `${pay}作为损失赔偿；双方今后友好相处。` : '双方按原有界址恢复通行和排水，互不妨碍，今后友好相处。',
    土地山林: amount ? `${pay}；双方按村组确认的界址经营，互不侵占。` : '双方按村民小组现场确认的界址各自经营，设立界桩为凭。',
    '宅基地/房屋': amount ? `${pay}；其余事项按原约定履行。` : '双方按现场丈量结果确定界址，建房不得超出界线。',
    '劳动/欠薪': `${pay || '被申请人结清所欠工资'}；双方劳动关系及相关债权债务就此了结。`,
    医疗: `${pay || '医方一次性给予补偿'}；患方不再就此事向医方主张其他权利。`,
    交通事故: `${pay || '责任方承担维修费用'}（含医疗费、误工费、护理费等）；本次事故再无其他纠纷。`,
    物业: amount ? `物业公司限期完成维修；${pay}。` : '物业公司限期完成维修；业主按时缴纳物业费。',
    消费: amount ? `${pay}；商品退回经营者。` : '经营者为消费者更换同型号商品，并承担运费。',
    征地拆迁: amount ? `${pay}作为附着物补偿；申请人按期腾地。` : '按项目补偿方案重新核定面积，申请人按期腾地。',
    环境: amount ? `${pay}；被申请人限期完成整改。` : '被申请人限期完成整改，村委会监督落实。',
    其他: amount ? `${pay}；双方再无其他争议。` : '双方按约定履行，再无其他争议。',
  };
  return byCategory[category];
}

/** A company, shop or institution as the other side, in the city's name. */
export function organisationParty(category: DisputeCategory, cityShort: string, placeName: string, rng: Rng): string {
  const brand = rng.pick(['鑫达', '华盛', '宏远', '恒通', '利源', '丰泰', '鼎诚', '金源', '兴旺', '顺达', '嘉禾', '瑞丰']);
  switch (category) {
    case '劳动/欠薪':
      return `${cityShort}${brand}${rng.pick(['建筑劳务', '制衣', '食品', '竹木制品', '建材'])}有限公司`;
    case '医疗':
      return rng.pick([`${placeName}卫生院`, `${cityShort}市第${rng.pick(['一', '二', '三'])}人民医院`, `${placeName}${brand}诊所`]);
    case '交通事故':
      return `安泰财产保险股份有限公司${cityShort}中心支公司`;
    case '物业':
      return `${cityShort}${brand}物业管理有限公司`;
    case '消费':
      return `${placeName}${brand}${rng.pick(['家电商行', '超市', '装饰工程有限公司', '电动车行'])}`;
    case '征地拆迁':
      return `${placeName}${rng.pick(['村民委员会', '征拆工作组'])}`;
    case '环境':
      return `${placeName}${brand}${rng.pick(['养殖场', '砂石场', '农产品加工厂'])}`;
    default:
      return `${cityShort}${brand}商贸有限公司`;
  }
}
