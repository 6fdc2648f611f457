"""Write the synthetic sample lists into samples/ (or --out DIR), byte-identical on every run.

Everything is fictional: the district 示例市滨江区 (region code 990102), its departments, items and texts.
Law titles are real, but their dates and articles are made up, so no sample is a source of law.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import random
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

HERE = Path(__file__).resolve().parent
REGION = "990102"
AREA = "示例市滨江区"
PREFIX = {
    "行政许可": "XK", "行政处罚": "CF", "行政强制": "QZ", "行政征收": "ZS", "行政给付": "JF", "行政检查": "JC",
    "行政确认": "QR", "行政奖励": "JL", "行政裁决": "CJ", "其他行政权力": "QT", "公共服务": "GG",
}
TYPE_OF = {prefix: kind for kind, prefix in PREFIX.items()}
DISTRICT_RECORDS = {
    "行政许可": 437, "行政处罚": 2122, "行政强制": 141, "行政征收": 105, "行政给付": 26, "行政检查": 193,
    "行政确认": 41, "行政奖励": 13, "行政裁决": 5, "其他行政权力": 205, "公共服务": 342,
}
LICENCE_WORDS = ("审批", "核准", "许可", "准予", "批准")
SUB_SHARE = 0.08  # items with sub-items, enough that records and items differ in every type's count

# One block per department: "name body-code type-prefixes / laws" (a leading * stands for 中华人民共和国, a
# national law; the rest are State Council regulations), "sections / actors", objects, and optional 征收 (fees)
# and 给付 (benefits) lines, which also give the department those two types.
DEPARTMENTS = """
区市场监督管理局 201 XK CF QZ JC QR JL QT GG / *食品安全法 *特种设备安全法 *产品质量法
  食品安全监管科 特种设备安全监察科 执法大队 / 食品生产经营者 特种设备使用单位 计量器具使用者 广告经营者
  食品小作坊 特种设备 计量器具 工业产品 食品摊贩
区住房和城乡建设局 202 XK CF QZ JC QT GG / *建筑法 *城市房地产管理法 建设工程质量管理条例 城镇燃气管理条例
  建筑市场管理科 房地产市场监管科 城建执法大队 / 建设单位 施工单位 物业服务企业 房地产开发企业 工程监理单位
  建筑工程施工 商品房预售 建筑垃圾处置 燃气经营 城镇污水排入排水管网
  征收 城市基础设施配套费 白蚁防治费 新型墙体材料专项基金
示例市生态环境局滨江分局 203 XK CF QZ JC QT GG / *环境保护法 *大气污染防治法 *固体废物污染环境防治法
  环境监察大队 环评与排放管理科 / 排污单位 建设项目单位 危险废物经营单位 机动车排放检验机构
  工业企业排污 建设项目环境影响评价文件 危险废物转移 辐射安全 放射性同位素使用
区交通运输局 204 XK CF QZ JC QR QT GG / 中华人民共和国道路运输条例 *公路法
  运输管理科 路政执法大队 / 道路运输经营者 出租汽车经营者 机动车维修经营者 驾驶员培训机构
  道路旅客运输 道路货物运输 机动车维修 公路超限运输 出租汽车客运
  征收 车辆通行费 公路路产损坏赔偿费 超限运输公路补偿费
区应急管理局 205 XK CF QZ JC QR JL QT GG / *安全生产法 危险化学品安全管理条例 烟花爆竹安全管理条例
  安全生产监督管理科 应急救援科 执法大队 / 生产经营单位 危险化学品经营单位 烟花爆竹经营单位 非煤矿山企业
  危险化学品经营 烟花爆竹零售 非煤矿山 自然灾害救助物资 建设项目安全设施
区卫生健康委员会 206 XK CF QZ JC QR JL QT GG / *基本医疗卫生与健康促进法 医疗机构管理条例 公共场所卫生管理条例
  医政医管科 卫生监督所 基层卫生科 / 医疗机构 公共场所经营者 放射诊疗单位 计划生育技术服务机构
  医疗机构执业 放射诊疗 母婴保健技术服务 公共场所卫生 饮用水供水单位
区人力资源和社会保障局 207 XK CF QZ JC QR JL QT GG / *劳动法 *劳动合同法 *就业促进法
  劳动保障监察大队 就业促进科 人力资源市场科 / 用人单位 职业中介机构 人力资源服务机构 劳务派遣单位 社会保险参保单位
  人力资源服务 劳务派遣经营 民办职业技能培训 特殊工时制度 企业年金
  征收 社会保险费 失业保险费 工伤保险费 社会保险滞纳金
  给付 失业保险金 一次性创业补贴 职业技能提升补贴 灵活就业社会保险补贴
区教育局 208 XK CF QZ JC QR JL QT GG / *教育法 *民办教育促进法 *教师法
  基础教育科 民办教育管理科 教育督导室 / 民办学校 校外培训机构 民办幼儿园 中小学校
  民办学校办学 校外培训机构 民办幼儿园办园 教师资格 中小学课后服务
区文化广电旅游体育局 209 XK CF QZ JC QR JL QT GG / *旅游法 娱乐场所管理条例 营业性演出管理条例 *文物保护法
  文化市场综合执法大队 旅游市场管理科 文物科 / 娱乐场所经营单位 互联网上网服务营业场所 旅行社 演出经纪机构
  娱乐场所 营业性演出 旅行社业务 文物保护单位 高危险性体育项目
区农业农村局 210 XK CF QZ JC QR JL QT GG / *种子法 农药管理条例 *农村土地承包法
  种植业管理科 畜牧兽医科 农业综合执法大队 / 种子生产经营者 农药经营者 兽药经营企业 农机作业服务组织 动物饲养场
  农作物种子 农药 兽药 动物诊疗机构 农村宅基地
  征收 渔业资源增殖保护费 草原植被恢复费
  给付 耕地地力保护补贴 农机购置补贴 种粮农民一次性补贴
区水利局 211 XK CF QZ JC QR QT GG / *水法 *防洪法 *水土保持法
  水政监察大队 水资源管理科 河湖管理科 / 取水单位 河道采砂经营者 水利工程管理单位 生产建设单位
  取水工程 河道采砂 水利工程建设 水土保持方案 河道管理范围内建设项目
  征收 水资源费 水土保持补偿费 河道采砂管理费
示例市自然资源和规划局滨江分局 212 XK CF QZ JC QR CJ QT GG / *土地管理法 *矿产资源法 *城乡规划法
  国土空间规划科 耕地保护科 执法监察大队 / 土地使用者 采矿权人 建设单位 测绘单位
  国有土地使用权 集体土地所有权 林木林地 采矿权 宅基地使用权
  征收 土地闲置费 耕地开垦费 国有土地使用权出让金
区民政局 213 XK CF JC QR JL QT GG / 社会团体登记管理条例 殡葬管理条例 社会救助暂行办法
  社会组织管理科 社会救助科 养老服务科 / 社会团体 民办非企业单位 养老机构 殡葬服务单位
  社会团体 民办非企业单位 养老机构 公益性公墓 地名命名
  给付 特困人员救助供养金 最低生活保障金 临时救助金 困难残疾人生活补贴 重度残疾人护理补贴
示例市公安局滨江分局 214 XK CF QZ JC QR JL QT GG / *治安管理处罚法 *道路交通安全法 民用爆炸物品安全管理条例
  治安管理大队 户政管理科 交通管理大队 / 旅馆业经营者 公章刻制企业 保安服务公司 机动车驾驶人
  旅馆业特种行业 公章刻制业 大型群众性活动 剧毒化学品购买 民用爆炸物品运输
区财政局 215 CF JC QR QT GG / *会计法 *政府采购法
  会计管理科 政府采购管理科 / 代理记账机构 会计人员 政府采购代理机构 政府采购供应商
  代理记账业务 会计信息质量 政府采购活动 财政票据 行政事业单位国有资产
区商务局 216 XK CF JC QT GG / *对外贸易法 报废机动车回收管理办法
  市场运行科 商贸流通科 / 单用途预付卡发卡企业 成品油零售企业 再生资源回收企业 拍卖企业
  成品油零售 再生资源回收 报废机动车回收 拍卖业务 酒类流通
区城市管理局 217 XK CF QZ JC QT GG / 城市市容和环境卫生管理条例 城市绿化条例 城市道路管理条例
  市容环境卫生科 城管执法大队 / 户外广告设置人 建筑垃圾运输单位 餐饮经营者 市政施工单位
  户外广告设施 城市道路挖掘 城市建筑垃圾运输 城市绿地占用 临时建筑物
  征收 城市道路占用费 城市道路挖掘修复费 城市生活垃圾处理费
区发展和改革局 218 XK CF JC QR QT GG / *价格法 *招标投标法 *节约能源法
  投资科 价格科 节能科 / 项目单位 价格经营者 招标人 重点用能单位
  企业投资项目 政府投资项目 固定资产投资项目节能 招标方案 粮食收购
区统计局 219 CF JC QT GG / *统计法 中华人民共和国统计法实施条例
  统计执法科 综合科 / 统计调查对象 统计调查单位 统计人员 企业事业组织
  统计调查项目 统计资料 统计数据 部门统计调查
区司法局 220 XK CF JC QR JL QT GG / *律师法 *人民调解法 *法律援助法
  律师工作科 公共法律服务科 人民参与和促进法治科 / 律师事务所 基层法律服务所 司法鉴定机构 人民调解委员会
  基层法律服务工作者执业 法律援助 人民调解 公证事务 社区矫正
区退役军人事务局 221 JC QR JL QT GG / 军人抚恤优待条例 *退役军人保障法
  优抚科 就业创业科 拥军优属科 / 退役军人服务站 烈士遗属 伤残军人 优抚对象 军休干部
  退役士兵安置 优待证 光荣牌悬挂 烈士纪念设施 退役军人就业
  给付 伤残抚恤金 定期抚恤金 一次性抚恤金 义务兵家庭优待金 带病回乡退伍军人生活补助
区医疗保障局 222 CF JC QR QT GG / 医疗保障基金使用监督管理条例 *社会保险法
  待遇保障科 基金监管科 / 定点医药机构 参保单位 医疗保障经办机构
  医疗保障基金 异地就医 医疗救助 长期护理保险 门诊慢特病
  给付 城乡居民医疗救助金 生育保险津贴 大病保险补充医疗补助
区人民防空办公室 223 XK CF JC QT GG / *人民防空法
  工程管理科 执法大队 / 人防工程建设单位 人防工程使用单位 人防工程监理单位
  防空地下室 人防工程拆除 人防警报设施 人防工程平时使用
  征收 防空地下室易地建设费 人防工程拆除补偿费
区民族宗教事务局 224 CF JC QR QT GG / 宗教事务条例
  宗教事务科 民族工作科 / 宗教活动场所 宗教团体 宗教院校
  宗教活动场所 宗教教职人员 大型宗教活动 宗教团体 宗教临时活动地点
区林业和园林局 225 XK CF QZ JC QR JL QT GG / *森林法 *野生动物保护法
  林政资源管理科 森林防火科 园林绿化科 / 林木经营者 木材经营加工单位 野生动物经营利用者 古树名木养护单位
  林木采伐 林草种子 陆生野生动物 古树名木 森林防火
  征收 森林植被恢复费 林地补偿费 林木补偿费
"""

_VIOLATIONS = """
未按规定建立健全管理制度 拒绝、阻碍监督检查 伪造、变造、出租、出借相关证件 未按规定报送年度报告
未按规定公示有关信息 使用未经检验合格的设备 未按规定配备专业技术人员 未按规定保存原始记录
提供虚假材料骗取相关证件 未按规定开展安全隐患排查 未按规定报送有关材料 未按规定设置安全警示标志
违反操作规程作业 未按规定办理登记手续 未按规定组织从业人员培训 擅自改变使用性质 超出核定范围从事经营活动
未按规定建立管理台账 未按规定办理变更手续 未按规定履行报告义务 未取得相关资质擅自从业 未按规定进行自查
未按规定采取防护措施 未按规定处置废弃物 未按规定签订书面合同 拒不执行整改决定 未按规定明码标价
未按规定保存票据和凭证 使用不合格原材料 未按规定制定应急预案 未按规定组织应急演练 未按规定进行维护保养
未按规定落实安全责任 隐瞒有关情况 未按规定设置管理机构 未按规定公开服务承诺 擅自停业或者歇业 未按规定处理投诉
"""
VIOLATIONS = _VIOLATIONS.split()

# Name templates per type: {a} actor, {o} object, {w} a word of WORDS, {v} a violation, {f} fee, {b} benefit.
TEMPLATES: dict[str, tuple[str, ...]] = {
    "XK": ("{o}{w}",),
    "CF": ("对{a}{v}的处罚",),
    "QZ": ("查封、扣押{w}{o}", "对{a}逾期不缴纳罚款的加处罚款", "对{a}违法经营场所的查封"),
    "ZS": ("{f}征收", "对{a}征收{f}"),
    "JF": ("{b}给付", "{b}发放"),
    "JC": ("对{a}{w}情况的监督检查",),
    "QR": ("{o}{w}",),
    "JL": ("对举报{o}领域违法行为有功人员的奖励", "对在{o}管理工作中成绩显著的单位和个人的奖励"),
    "CJ": ("{o}权属争议的裁决", "{o}纠纷的裁决"),
    "QT": ("{a}{w}备案",),
    "GG": ("{o}{w}", "{a}{w}"),
}
WORDS = {key: tuple(text.split()) for key, text in {
    "XK": "经营许可 生产许可 使用许可 设立审批 变更审批 延续审批 资质核准 许可证核发 登记证核发 安全条件审批",
    "QZ": "存在严重安全隐患的 不符合安全标准的 来源不明的 未经检验合格的 涉嫌违法使用的",
    "JC": "安全生产 经营活动 制度落实 资质条件保持 信息公示 质量管理 从业人员管理 执行法律法规",
    "QR": "登记 认定 等级评定 年度核验 变更登记 注销登记 权属确认 信息确认",
    "QT": "经营信息 管理制度 应急预案 年度报告 人员变更 安全评价报告 服务承诺",
    "GG": "政策咨询服务 信息查询服务 业务指导服务 投诉举报受理 宣传培训服务 办事指南公开 信用信息查询",
}.items()}
WORDS.update(dict.fromkeys(("CF", "ZS", "JF", "JL", "CJ"), ("",)))
# What distinguishes sub-items of one item, per type; "1.{name}（{word}）".
SUB_WORDS = {key: tuple(text.split()) for key, text in {
    "XK": "新办 变更 延续 注销 补办", "CF": "对单位 对个人 情节较轻的 情节严重的 逾期不改正的",
    "QZ": "查封 扣押 封存 先行登记保存", "ZS": "新建项目 改建项目 扩建项目 补缴",
    "JF": "城镇 农村 集中供养 分散供养", "JC": "日常检查 专项检查 双随机抽查 投诉举报核查 复查",
    "QR": "首次 变更 注销 补发", "JL": "单位 个人", "CJ": "单位之间 个人之间 个人与单位之间",
    "QT": "首次备案 变更备案 注销备案", "GG": "线上办理 窗口办理 上门服务 预约办理",
}.items()}

CLAUSES = {
    "XK": "从事相关活动，应当依法向县级以上地方人民政府有关主管部门提出申请，并提交符合规定条件的材料。",
    "CF": "违反{this}规定，有下列行为之一的，由县级以上人民政府有关主管部门责令改正，给予警告；拒不改正的，"
          "处{x}千元以上{y}万元以下罚款。",
    "QZ": "有关主管部门履行监督管理职责，有权采取下列措施：……（{n}）查封、扣押有证据证明不符合安全标准"
          "或者存在严重事故隐患的物品。",
    "JC": "县级以上人民政府有关主管部门应当依照{this}规定，对本行政区域内的相关活动进行监督检查。",
    "ZS": "有关单位和个人应当按照国家有关规定，足额缴纳相关费用；逾期不缴纳的，自滞纳之日起按日加收滞纳金。",
    "*": "县级以上地方人民政府有关主管部门负责本行政区域内的相关管理工作，依法保障当事人的合法权益。",
}
DOCUMENTS = (
    ("国务院关于深化“证照分离”改革进一步激发市场主体发展活力的通知", "国发〔2021〕7号"),
    ("国务院办公厅关于全面实行行政许可事项清单管理的通知", "国办发〔2022〕2号"),
    ("国务院关于取消和下放一批行政许可事项的决定", "国发〔2020〕13号"),
    ("示例省人民政府关于调整省级行政职权事项的决定", "示政发〔2021〕9号"),
)
_OTHER_DUTIES = "其他法律法规规章文件规定应履行的责任"
_STEPS = {  # numbered and closed by the catch-all duty below
    "XK": "受理责任：公示应当提交的材料，一次性告知补正材料，依法受理或者不予受理并说明理由|"
          "审查责任：对申请材料进行审查，需要实地核查的组织现场核查，提出审查意见|"
          "决定责任：在法定期限内作出准予或者不予许可的决定，不予许可的书面说明理由|"
          "送达责任：制作并送达许可证件，依法公开相关信息|事后监管责任：对被许可人从事许可事项的活动进行监督检查",
    "CF": "立案责任：对发现的涉嫌违法行为进行审查，决定是否立案|调查责任：指定专人全面、客观、公正地调查，收集证据|"
          "审查责任：对违法事实、证据、程序、法律适用、处罚种类和幅度进行审查|"
          "告知责任：作出处罚决定前，书面告知当事人拟作出处罚的事实、理由、依据及其依法享有的权利|"
          "决定责任：依法作出处罚决定，制作行政处罚决定书|送达责任：依法送达行政处罚决定书|"
          "执行责任：监督当事人在决定的期限内履行生效的行政处罚决定",
    "QZ": "催告责任：实施强制执行前书面催告当事人履行义务|决定责任：依法作出强制措施或者强制执行决定|"
          "执行责任：依照法定程序实施，制作现场笔录|事后监管责任：依法及时解除或者处理，告知当事人救济途径",
    "JC": "检查责任：按照“双随机、一公开”要求制定检查计划，依法开展监督检查|"
          "处置责任：对检查中发现的问题依法责令整改，涉嫌违法的依法处理|公开责任：依法公开检查结果",
    "*": "受理责任：公示办理条件、程序和所需材料，一次性告知补正材料|审核责任：对申请材料进行审核，必要时进行实地核查|"
         "决定责任：在规定期限内作出决定并说明理由|送达责任：依法送达决定文书，公开办理结果",
}
RESPONSIBILITY = {
    key: "\n".join(f"{i}.{step}。" for i, step in enumerate([*text.split("|"), _OTHER_DUTIES], 1))
    for key, text in _STEPS.items()
}
RESPONSIBILITY_BASIS = {
    "XK": "【法律】《中华人民共和国行政许可法》（2003年8月27日第十届全国人民代表大会常务委员会第四次会议通过，"
          "2019年4月23日修正）\n    第三十条、第三十二条、第三十四条、第三十七条、第三十八条、第六十一条",
    "CF": "【法律】《中华人民共和国行政处罚法》（1996年3月17日第八届全国人民代表大会第四次会议通过，"
          "2021年1月22日修订）\n    第三十九条、第四十四条、第五十四条、第五十七条、第六十一条",
    "QZ": "【法律】《中华人民共和国行政强制法》（2011年6月30日第十一届全国人民代表大会常务委员会第二十一次会议通过）"
          "\n    第十八条、第二十四条、第三十五条、第四十四条",
    "*": "【法律】《中华人民共和国公职人员政务处分法》（2020年6月20日第十三届全国人民代表大会常务委员会"
         "第十九次会议通过）\n    第七条、第三十九条",
}
RESPONSIBILITY_BASIS["JC"] = RESPONSIBILITY_BASIS["CF"]
ACCOUNTABLE = "1.具体承办人；\n2.内设机构负责人；\n3.单位法定代表人或分管领导。"
_LEAD = "因不履行或不正确履行行政职责，有下列情形的，行政机关及相关工作人员应承担相应的责任：\n"
_GROUNDS = {
    "XK": "对符合法定条件的申请不予受理、不予许可，或者不在法定期限内作出决定的；对不符合法定条件的申请人"
          "作出准予许可决定的；违法收取费用的；许可后续监管不到位，造成严重后果的",
    "CF": "没有法定的行政处罚依据的；擅自改变行政处罚种类、幅度的；违反法定的行政处罚程序的；"
          "对应当予以制止和处罚的违法行为不予制止、处罚的",
    "*": "不依法履行职责的；滥用职权、玩忽职守、徇私舞弊的；违法收取费用或者索取、收受他人财物的",
}
ACCOUNTABILITY = {
    key: _LEAD + "\n".join(f"{i}.{ground}；" for i, ground in enumerate(text.split("；"), 1))
    + f"\n{len(text.split('；')) + 1}.其他违反法律法规规章文件规定的行为。"
    for key, text in _GROUNDS.items()
}
REMARKS = ("委托区综合行政执法局实施", "与相关部门联合实施", "依申请办理", "市级下放事项", "按属地管理原则实施")
WIDTHS = {"序号": 6, "事项编码": 18, "事项名称": 28, "许可事项名称": 28, "改革事项": 28, "子项名称": 24,
          "实施依据": 48, "设定和实施依据": 48, "设定依据": 48, "责任事项内容": 36, "追责情形": 36}


@dataclass(frozen=True)
class Dept:
    name: str
    code: str
    prefixes: tuple[str, ...]
    sections: tuple[str, ...]
    actors: tuple[str, ...]
    objects: tuple[str, ...]
    laws: tuple[str, ...]
    fees: tuple[str, ...] = ()
    benefits: tuple[str, ...] = ()


@dataclass
class Record:
    name: str
    sub: str
    type: str
    basis: str
    body: str
    office: str
    scope: str
    duty: str
    responsibility: str
    responsibility_basis: str
    accountability: str
    remark: str
    level: str = "区级"
    accountable: str = ACCOUNTABLE
    seq: int = 0
    code: str = ""


@dataclass
class Item:
    dept: Dept
    prefix: str
    name: str
    records: list[Record]


def parse_departments(table: str) -> list[Dept]:
    blocks: list[list[str]] = []
    for line in table.strip().splitlines():
        if line.startswith(" "):
            blocks[-1].append(line.strip())
        else:
            blocks.append([line])
    return [_department(block) for block in blocks]


def _department(block: list[str]) -> Dept:
    head, laws = block[0].split(" / ")
    name, code, *prefixes = head.split()
    sections, actors = block[1].split(" / ")
    extra = {line.split()[0]: tuple(line.split()[1:]) for line in block[3:]}
    fees, benefits = extra.get("征收", ()), extra.get("给付", ())
    prefixes += ["ZS"] * bool(fees) + ["JF"] * bool(benefits)
    titles = tuple("中华人民共和国" + law[1:] if law.startswith("*") else law for law in laws.split())
    return Dept(name, code, tuple(prefixes), tuple(sections.split()), tuple(actors.split()), tuple(block[2].split()),
                titles, fees, benefits)


DEPTS = parse_departments(DEPARTMENTS)
CULTURE = next(dept for dept in DEPTS if "文化" in dept.name)


def cn_number(n: int) -> str:
    """Chinese numerals as articles are numbered (一百一十二), for 1..999."""
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    if n < 100:
        tens = "" if n < 20 else digits[n // 10]
        return tens + "十" + (digits[n % 10] if n % 10 else "")
    rest = n % 100
    tail = "" if not rest else ("零" + digits[rest]) if rest < 10 else ("一" * (rest < 20)) + cn_number(rest)
    return digits[n // 100] + "百" + tail


def law_headers(seed: int) -> dict[str, str]:
    """One citation head per law, made once so that every row cites a law with the same dates."""
    rng = random.Random(seed)
    heads: dict[str, str] = {}
    for title in (law for dept in DEPTS for law in dept.laws):
        year = rng.randint(1995, 2012)
        passed = f"{year}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日"
        amended = f"{rng.randint(year + 3, 2022)}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日"
        if title.startswith("中华人民共和国") and title.endswith("法"):
            term, meeting = cn_number(8 + (year - 1993) // 5), cn_number(rng.randint(2, 30))
            heads[title] = (f"【法律】《{title}》（{passed}第{term}届全国人民代表大会常务委员会第{meeting}次会议通过，"
                            f"{amended}修正）")
        else:
            heads[title] = (f"【法规】《{title}》（{passed}中华人民共和国国务院令第{rng.randint(100, 700)}号公布，"
                            f"根据{amended}《国务院关于修改和废止部分行政法规的决定》修订）")
    return heads


LAW_HEADS = law_headers(1949)


def basis_text(rng: random.Random, dept: Dept, prefix: str) -> str:
    law = rng.choice(dept.laws)
    this = "本" + next(kind for kind in ("办法", "法", "条例") if law.endswith(kind))  # 本法 / 本条例 / 本办法
    clause = CLAUSES.get(prefix, CLAUSES["*"]).format(
        this=this, x=rng.randint(1, 5), y=rng.randint(1, 10), n=cn_number(rng.randint(2, 6)))
    text = f"{LAW_HEADS[law]}\n    第{cn_number(rng.randint(8, 120))}条：{clause}"
    if rng.random() < 0.15:
        title, number = rng.choice(DOCUMENTS)
        text += f"\n【规范性文件】《{title}》（{number}）"
    return text


def fresh_name(rng: random.Random, prefix: str, depts: Sequence[Dept], used: set[str]) -> tuple[Dept, str]:
    """A name not used before in this list, 8–30 characters, from a department that has this type."""
    eligible = [dept for dept in depts if prefix in dept.prefixes]
    for _ in range(5000):
        dept = rng.choice(eligible)
        name = rng.choice(TEMPLATES[prefix]).format(
            a=rng.choice(dept.actors), o=rng.choice(dept.objects), w=rng.choice(WORDS[prefix]),
            v=rng.choice(VIOLATIONS), f=rng.choice(dept.fees or ("",)), b=rng.choice(dept.benefits or ("",)))
        if 8 <= len(name) <= 30 and name not in used:
            used.add(name)
            return dept, name
    raise RuntimeError(f"the phrase lists ran out of fresh {prefix} names")


def new_item(rng: random.Random, prefix: str, depts: Sequence[Dept], used: set[str], subs: int = 0) -> Item:
    dept, name = fresh_name(rng, prefix, depts, used)
    words = [SUB_WORDS[prefix][i] for i in sorted(rng.sample(range(len(SUB_WORDS[prefix])), subs))]
    sub_names = [f"{i}.{name}（{word}）" for i, word in enumerate(words, 1)] or [""]
    if prefix != "XK" and any(word in name + "".join(sub_names) for word in LICENCE_WORDS):
        raise ValueError(f"a {prefix} item named like a licence: {name}")
    return Item(dept, prefix, name, [new_record(rng, dept, prefix, name, sub) for sub in sub_names])


def new_record(rng: random.Random, dept: Dept, prefix: str, name: str, sub: str) -> Record:
    def pick(texts: dict[str, str]) -> str:
        return texts.get(prefix, texts["*"])

    remark = rng.choice(REMARKS) if rng.random() < 0.05 else ""
    return Record(name, sub, TYPE_OF[prefix], basis_text(rng, dept, prefix), dept.name, rng.choice(dept.sections),
                  f"负责本区管辖范围内的{name}", f"依法办理本区管辖范围内的{name}", pick(RESPONSIBILITY),
                  pick(RESPONSIBILITY_BASIS), pick(ACCOUNTABILITY), remark)


def plan_sizes(rng: random.Random, records: int, max_subs: int) -> list[int]:
    """Sub-item counts per item (0 = no sub-items) that add up to exactly `records` records."""
    sizes: list[int] = []
    while records:
        subs = rng.randint(2, min(5, max_subs, records)) if records >= 2 and rng.random() < SUB_SHARE else 0
        sizes.append(subs)
        records -= max(subs, 1)
    return sizes


def number(items: Sequence[Item]) -> None:
    """序号 1..N in list order; codes count items per (department, type), sub-items from 01."""
    counters: dict[tuple[str, str], int] = {}
    for seq, item in enumerate(items, 1):
        key = (item.dept.code, item.prefix)
        counters[key] = counters.get(key, 0) + 1
        for sub, record in enumerate(item.records, 1):
            record.seq = seq
            sub_no = sub if len(item.records) > 1 else 0
            record.code = f"{REGION}{item.dept.code}{item.prefix}{counters[key]:03d}{sub_no:02d}"


def district_items(seed: int) -> list[Item]:
    rng, used = random.Random(seed), set[str]()
    items = [new_item(rng, PREFIX[kind], DEPTS, used, subs) for kind, total in DISTRICT_RECORDS.items()
             for subs in plan_sizes(rng, total, len(SUB_WORDS[PREFIX[kind]]))]
    order = list(PREFIX.values())
    items.sort(key=lambda item: (DEPTS.index(item.dept), order.index(item.prefix)))
    number(items)
    return items


def counts(items: Sequence[Item]) -> dict[str, object]:
    by_type = {kind: {"records": sum(len(item.records) for item in items if item.prefix == prefix),
                      "items": sum(item.prefix == prefix for item in items)} for kind, prefix in PREFIX.items()}
    return {"records": sum(len(item.records) for item in items), "items": len(items),
            "by_type": {kind: count for kind, count in by_type.items() if count["items"]}}


POWER_COLUMNS = (("序号", "seq"), ("事项编码", "code"), ("事项名称", "name"), ("子项名称", "sub"),
                 ("权力类型", "type"), ("实施依据", "basis"), ("行使主体", "body"), ("承办机构", "office"),
                 ("实施层级及权限", "level"), ("", "scope"), ("部门职责", "duty"), ("责任事项内容", "responsibility"),
                 ("责任事项依据", "responsibility_basis"), ("追责对象范围", "accountable"),
                 ("追责情形", "accountability"), ("备注", "remark"))
DEPARTMENT_COLUMNS = tuple(("行使层级", "level") if attr == "level" else (title, attr)
                           for title, attr in POWER_COLUMNS if attr not in ("code", "scope"))
BROKEN_COLUMNS = tuple(column for column in POWER_COLUMNS if column[1] not in ("level", "scope", "duty"))
LICENSING_COLUMNS = (("序号", "seq"), ("主管部门", "body"), ("许可事项名称", "name"), ("子项名称", "sub"),
                     ("实施机关", "body"), ("设定和实施依据", "basis"), ("审批层级", "level"), ("备注", "remark"))

Columns = Sequence[tuple[str, str]]
Group = Sequence[Sequence[object]]


def groups_of(items: Sequence[Item], columns: Columns) -> list[Group]:
    return [[[getattr(record, attr) for _, attr in columns] for record in item.records] for item in items]


def fill_sheet(ws: Worksheet, title: str, headers: Sequence[str], groups: Sequence[Group],
               merged: Sequence[int] = ()) -> None:
    """Title row, header row (an empty header continues the one before it), then the data rows.

    Columns in `merged` (1-based) are merged down over each multi-row group, the value in the top cell only,
    as Excel stores it.
    """
    ws.append([title])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(headers))
    ws.append(list(headers))
    for col, header in enumerate(headers, 1):
        if not header:
            ws.merge_cells(start_row=2, start_column=col - 1, end_row=2, end_column=col)
        ws.cell(2, col).font = Font(bold=True)
        ws.cell(2, col).alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        ws.column_dimensions[get_column_letter(col)].width = WIDTHS.get(header, 20 if not header else 14)
    ws.cell(1, 1).font = Font(bold=True, size=16)
    ws.cell(1, 1).alignment = Alignment(horizontal="center")
    row = 3
    for group in groups:
        for offset, values in enumerate(group):
            ws.append([None if value == "" or (offset and col in merged) else value
                       for col, value in enumerate(values, 1)])
        for col in merged if len(group) > 1 else ():
            ws.merge_cells(start_row=row, start_column=col, end_row=row + len(group) - 1, end_column=col)
        row += len(group)
    ws.freeze_panes = "A3"


def note_under(ws: Worksheet, note: str, width: int, height: int, *, gap: bool = False) -> None:
    """A note under the table ('注：…'), merged across it as published lists write it; after a blank row if ``gap``."""
    if gap:
        ws.append([])
    ws.append([note])
    last = ws.max_row
    ws.merge_cells(start_row=last, start_column=1, end_row=last, end_column=width)
    ws.cell(last, 1).alignment = Alignment(wrap_text=True, vertical="top")
    ws.row_dimensions[last].height = height


def workbook(sheet: str) -> tuple[Workbook, Worksheet]:
    wb = Workbook()
    wb.properties.creator = "listkit samples/generate.py"
    ws = wb.active
    ws.title = sheet
    return wb, ws


def headers(columns: Columns) -> list[str]:
    return [title for title, _ in columns]


def district_list(items: Sequence[Item], edition: str = "2021年版") -> Workbook:
    wb, ws = workbook("权责清单")
    fill_sheet(ws, f"{AREA}权责清单（{edition}）", headers(POWER_COLUMNS), groups_of(items, POWER_COLUMNS),
               merged=(1, 3))
    return wb


def power_list(items: Sequence[Item], title: str, sheet: str = "权责清单") -> Workbook:
    wb, ws = workbook(sheet)
    fill_sheet(ws, title, headers(POWER_COLUMNS), groups_of(items, POWER_COLUMNS), merged=(1, 3))
    return wb


def check_outputs(to_bytes: Callable[[Workbook], bytes]) -> dict[str, bytes]:
    from check_pairs import county_pair, delegation, zhengzhao_from
    from list_zhengzhao import zhengzhao_list

    catalogue, county, expected = county_pair()
    reformed, unlisted = zhengzhao_from(licensing_items(2023))
    delegated, cancelled, taken, counts = delegation()
    return {
        "city-catalogue.xlsx": to_bytes(power_list(catalogue, "示例市县两级权责清单指导目录（2024年版）")),
        "county-list.xlsx": to_bytes(power_list(county, "示例县权责清单（2024年版）")),
        "county-list.expected-check.json": json_bytes(expected),
        "delegated-items.xlsx": to_bytes(power_list(delegated, "示例市下放县级实施的行政权力事项目录")),
        "delegated-cancelled.xlsx": to_bytes(power_list(cancelled, "示例市取消的行政权力事项目录")),
        "delegated-county.xlsx": to_bytes(power_list(taken, "示例县承接市级下放行政权力事项清单")),
        "delegated-county.expected-check.json": json_bytes(counts),
        "zhengzhao-derived.xlsx": to_bytes(zhengzhao_list(2026, reformed)),
        "zhengzhao-derived.expected-check.json": json_bytes(unlisted),
    }


def department_items(seed: int) -> list[Item]:
    rng, used = random.Random(seed), set[str]()
    plan = ["XK"] * 4 + ["XK:2"] + ["CF"] * 11 + ["CF:2"] + ["QZ"] * 2 + ["JC"] * 3 + ["JL"] + ["QT"] * 2 + ["GG"] * 3
    items = [new_item(rng, step[:2], [CULTURE], used, int(step[3:] or 0)) for step in plan]
    number(items)
    return items


def department_csv(items: Sequence[Item]) -> bytes:
    """GBK, as Chinese spreadsheet exports often are; the title padded to the table's width, as Excel does."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    titles = headers(DEPARTMENT_COLUMNS)
    writer.writerow([f"{AREA}文化广电旅游体育局权责清单"] + [""] * (len(titles) - 1))
    writer.writerow(titles)
    writer.writerows(row for group in groups_of(items, DEPARTMENT_COLUMNS) for row in group)
    return out.getvalue().encode("gbk")


def licensing_items(seed: int) -> list[Item]:
    rng, used = random.Random(seed), set[str]()
    items = [new_item(rng, "XK", DEPTS, used, subs) for subs in [0] * 20 + [2] + [0] * 26 + [2]]
    items.sort(key=lambda item: DEPTS.index(item.dept))
    number(items)
    return items


def licensing_list(seed: int) -> Workbook:
    items = licensing_items(seed)
    wb, ws = workbook("行政许可事项清单")
    fill_sheet(ws, f"{AREA}行政许可事项清单（2023年版）", headers(LICENSING_COLUMNS),
               groups_of(items, LICENSING_COLUMNS))
    return wb


# The broken list is one department's: a type per row, and one seeded defect on each odd row from index 3 on.
_BROKEN_TYPES = "CF CF XK CF JC CF XK CF CF JC CF CF QT CF CF CF JC CF CF CF CF XK CF XK CF XK GG QT CF JC"
DUPLICATED = "对旅行社未按规定投保旅行社责任保险（含续保）的处罚"
LONG_NAME = ("对旅行社" + "、".join(VIOLATIONS))[:317] + "的处罚"
DOC_IN_SQUARE_BRACKETS = ("【法律】《中华人民共和国旅游法》第二十八条：设立旅行社，应当具备下列条件……\n"
                          "【规范性文件】《国务院关于取消和下放一批行政审批项目的决定》（国发[2013]19号）")
DEFECTS = [  # row index, rule, severity, field, the value that spoils it
    (3, "required-field", "error", "name", ""),
    (5, "required-field", "error", "basis", ""),
    (7, "required-field", "error", "body", ""),
    (9, "unknown-type", "error", "type", "行政审查"),
    (11, "type-variant", "warning", "type", "处罚"),
    (13, "duplicate-item", "error", "name", DUPLICATED.replace("（", "(").replace("）", ")")),
    (15, "duplicate-code", "error", "code", "the code of row index 2"),
    (17, "code-format", "error", "code", f"{REGION}abc CF001"),
    (19, "field-length", "error", "name", LONG_NAME),
    (21, "basis-format", "warning", "basis", "依照有关法律、法规第三十条的规定，由主管部门责令改正，给予警告。"),
    (23, "basis-format", "error", "basis", "《中华人民共和国行政许可法》第十二条（一"),
    (25, "basis-format", "warning", "basis", DOC_IN_SQUARE_BRACKETS),
    (27, "disguised-licence", "warning", "name", "营业性演出场所设立备案审批"),
]


def broken_list(seed: int) -> tuple[Workbook, list[dict[str, str]]]:
    rng, used = random.Random(seed), {DUPLICATED}
    items = [new_item(rng, prefix, [CULTURE], used) for prefix in _BROKEN_TYPES.split()]
    items[1].records[0].name = DUPLICATED  # row 13 repeats it with half-width brackets
    number(items)
    records = [item.records[0] for item in items]
    attrs = [attr for _, attr in BROKEN_COLUMNS]
    expected = []
    for index, rule, severity, attr, value in DEFECTS:
        setattr(records[index], attr, records[2].code if rule == "duplicate-code" else value)
        cell = f"{get_column_letter(attrs.index(attr) + 1)}{index + 3}"
        expected.append({"rule": rule, "severity": severity, "cell": cell})
    wb, ws = workbook("Sheet1")
    fill_sheet(ws, f"{AREA}文化广电旅游体育局权责清单（征求意见稿）", headers(BROKEN_COLUMNS),
               [[[getattr(record, attr) for attr in attrs]] for record in records])
    return wb, expected


def json_bytes(data: object) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def load_workbook_bytes() -> Callable[[Workbook], bytes]:
    try:
        from listkit.write.stable_xlsx import workbook_bytes
    except ImportError:
        sys.path.insert(0, str(HERE.parent / "src"))
        from listkit.write.stable_xlsx import workbook_bytes
    to_bytes: Callable[[Workbook], bytes] = workbook_bytes
    return to_bytes


def outputs() -> dict[str, bytes]:
    to_bytes = load_workbook_bytes()
    district = district_items(2021)
    department = department_items(2022)
    broken, defects = broken_list(2024)
    # edition2022 imports this module by name; when it runs as a script, that name must be this very module.
    sys.modules.setdefault("generate", sys.modules[__name__])
    from edition2022 import edition_2022

    district_2022, changes = edition_2022(district)
    from county_update import outputs as county_change_orders  # the README's annual-update script applies them

    return {
        "district-power-list.xlsx": to_bytes(district_list(district)),
        "district-power-list.expected.json": json_bytes(counts(district)),
        "district-power-list-2022.xlsx": to_bytes(district_list(district_2022, "2022年版")),
        "district-power-list-2022.expected-diff.json": json_bytes(changes),
        "department-power-list.csv": department_csv(department),
        "department-power-list.expected.json": json_bytes(counts(department)),
        "licensing-list.xlsx": to_bytes(licensing_list(2023)),
        "broken-power-list.xlsx": to_bytes(broken),
        "broken-power-list.expected.json": json_bytes(defects),
        **check_outputs(to_bytes),
        **county_change_orders(),
        **list_outputs(to_bytes),
    }


# One module per list the offices keep beside the two catalogues (schemas/), each writing its sample, a broken
# variant with the findings it seeds, and a next edition with the changes between them.
LIST_MODULES = ("list_zhengzhao", "list_commitment", "list_service", "list_intermediary")


def list_outputs(to_bytes: Callable[[Workbook], bytes]) -> dict[str, bytes]:
    import importlib

    written: dict[str, bytes] = {}
    for name in LIST_MODULES:
        written.update(importlib.import_module(name).outputs(to_bytes))
    return written


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Write the synthetic sample lists.")
    parser.add_argument("--out", type=Path, default=HERE, help="directory to write into (default: samples/)")
    out: Path = parser.parse_args(argv).out
    out.mkdir(parents=True, exist_ok=True)
    for name, data in outputs().items():
        (out / name).write_bytes(data)
        print(f"wrote {out / name}")


if __name__ == "__main__":
    main()
