"""A realistic, bilingual demo show at four sizes, the same every time for a given seed.

``write_demo`` creates a new Expo Desk file holding one show, the seed's Rizhao expo
(``RZ2026``): users of every role, halls with booths laid out in rows and aisles,
exhibitors with Chinese and English company names and their contacts, a service
catalogue, contracts with booth and service lines, payment schedules and payments,
the sales pipeline, and the three-level build schedule (milestones, main events,
detailed tasks with finish-to-start dependencies).

The data is a snapshot taken on ``SNAPSHOT`` (four weeks before build-up): most booths
are sold, a few are held for exhibitors who have not signed yet, deposits are in and
balances are coming in, the booth designs are being drawn and approved and nothing has
been built yet. There is therefore no post-show data (visitors, leads collected,
surveys).

Everything is derived from one ``random.Random(seed)``, ids included, so the same seed
and size give the same file content. Rows are produced here in plain Python and written
by ``expo_desk.store.bulk`` in one transaction. No audit entries are written for the
generated rows: the file is new and nobody has changed anything in it yet.
"""

from __future__ import annotations

import functools
import itertools
import math
import os
from collections import deque
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from random import Random
from typing import NamedTuple

from expo_desk.domain.enums import SECTORS
from expo_desk.domain.exhibitors import normalise_company
from expo_desk.errors import UserError
from expo_desk.store import bulk
from expo_desk.store.db import open_database


class Tier(NamedTuple):
    exhibitors: int
    booths: int
    tasks: int


TIERS: dict[str, Tier] = {
    "S": Tier(exhibitors=300, booths=500, tasks=10_000),
    "M": Tier(exhibitors=4_000, booths=5_000, tasks=150_000),
    "L": Tier(exhibitors=10_000, booths=25_000, tasks=750_000),
    "XL": Tier(exhibitors=30_000, booths=74_000, tasks=2_000_000),
}

Progress = Callable[[str, int, int], None]

# ---------------------------------------------------------------- the show and its dates

SHOW = {
    "code": "RZ2026",
    "name": "2026日照国际博览会",
    "name_en": "Rizhao International Expo 2026",
    "venue": "日照国际博览中心",
    "city": "日照",
    "currency": "CNY",
}


def _day(text: str) -> int:
    return date.fromisoformat(text).toordinal()


SNAPSHOT = _day("2026-08-20")  # the day the demo data "stands" on
BUILD_START = _day("2026-09-14")
SHOW_START = _day("2026-09-18")
SHOW_END = _day("2026-09-20")
TEARDOWN_END = _day("2026-09-22")
PLAN_RELEASED = _day("2026-01-05")
SALES_CLOSE = _day("2026-09-10")
LATE_SIGNING = _day("2026-07-31")  # signed after this: one full payment instead of deposit + balance
BALANCE_DUE = _day("2026-08-31")
RAW_DESIGN_OPEN, RAW_DESIGN_END = _day("2026-06-15"), _day("2026-09-05")
SHELL_DESIGN_OPEN, SHELL_DESIGN_END = _day("2026-07-20"), _day("2026-09-08")
POST_SHOW_END = _day("2026-10-15")

# ---------------------------------------------------------------- names (Chinese, pinyin / English)

_SURNAMES = (
    "王wang 李li 张zhang 刘liu 陈chen 杨yang 黄huang 赵zhao 吴wu 周zhou 徐xu 孙sun 马ma 朱zhu 胡hu 郭guo 何he "
    "高gao 林lin 罗luo 郑zheng 梁liang 谢xie 宋song 唐tang 韩han 冯feng 邓deng 曹cao 彭peng 曾zeng 肖xiao 田tian "
    "董dong 袁yuan 潘pan 于yu 蒋jiang 蔡cai 杜du 叶ye 程cheng 苏su 魏wei 吕lv 丁ding 任ren 沈shen 姚yao 卢lu 姜jiang "
    "崔cui 钟zhong 谭tan 陆lu 范fan 金jin 石shi 廖liao 贾jia 夏xia 付fu 方fang 白bai 邹zou 孟meng 熊xiong 秦qin "
    "邱qiu 尹yin 薛xue 闫yan 段duan 雷lei 侯hou 龙long 史shi 陶tao 贺he 顾gu 毛mao 郝hao 龚gong 邵shao 万wan 钱qian "
    "严yan 武wu 戴dai 孔kong 厉li 牟mou 鞠ju 臧zang 安an 庄zhuang"
)
_GIVEN = (
    "伟wei 芳fang 娜na 敏min 静jing 丽li 强qiang 磊lei 军jun 洋yang 勇yong 艳yan 杰jie 娟juan 涛tao 明ming 超chao "
    "秀xiu 霞xia 平ping 刚gang 英ying 华hua 建jian 国guo 文wen 辉hui 鹏peng 飞fei 波bo 斌bin 宇yu 浩hao 凯kai 健jian "
    "俊jun 帆fan 旭xu 宁ning 林lin 欣xin 晨chen 雪xue 婷ting 琳lin 颖ying 倩qian 玲ling 红hong 梅mei 海hai 峰feng "
    "亮liang 成cheng 东dong 志zhi 永yong 春chun 晓xiao 慧hui 佳jia 涵han 博bo 瑞rui 嘉jia 思si 雨yu 鑫xin 振zhen "
    "玉yu 兰lan 萍ping 立li 新xin 庆qing 继ji 泽ze 彤tong 璐lu 昊hao 翔xiang 岩yan 松song"
)
# city, pinyin, telephone area code
_CITIES = (
    "日照 Rizhao 0633|青岛 Qingdao 0532|济南 Jinan 0531|烟台 Yantai 0535|潍坊 Weifang 0536|临沂 Linyi 0539|"
    "威海 Weihai 0631|淄博 Zibo 0533|东营 Dongying 0546|济宁 Jining 0537|泰安 Tai'an 0538|枣庄 Zaozhuang 0632|"
    "上海 Shanghai 021|北京 Beijing 010|天津 Tianjin 022|宁波 Ningbo 0574|苏州 Suzhou 0512|无锡 Wuxi 0510|"
    "杭州 Hangzhou 0571|广州 Guangzhou 020|深圳 Shenzhen 0755|厦门 Xiamen 0592|大连 Dalian 0411|沈阳 Shenyang 024|"
    "武汉 Wuhan 027|成都 Chengdu 028|重庆 Chongqing 023|西安 Xi'an 029|郑州 Zhengzhou 0371|合肥 Hefei 0551|"
    "南京 Nanjing 025|长沙 Changsha 0731|福州 Fuzhou 0591|石家庄 Shijiazhuang 0311|唐山 Tangshan 0315|"
    "邯郸 Handan 0310|连云港 Lianyungang 0518|徐州 Xuzhou 0516|盐城 Yancheng 0515|南通 Nantong 0513|"
    "常州 Changzhou 0519|温州 Wenzhou 0577|佛山 Foshan 0757|东莞 Dongguan 0769|舟山 Zhoushan 0580"
)
# trade names (字号) and their pinyin
_TRADE = (
    "宏达 Hongda|鑫源 Xinyuan|瑞丰 Ruifeng|恒泰 Hengtai|汇通 Huitong|永盛 Yongsheng|海丰 Haifeng|天成 Tiancheng|"
    "嘉禾 Jiahe|盛世 Shengshi|金诚 Jincheng|远航 Yuanhang|华昌 Huachang|利民 Limin|兴隆 Xinglong|德润 Derun|"
    "博远 Boyuan|同创 Tongchuang|新锐 Xinrui|蓝海 Lanhai|岚山 Lanshan|黄海 Huanghai|山海 Shanhai|润泽 Runze|"
    "安泰 Antai|弘毅 Hongyi|晟达 Shengda|昊天 Haotian|凯盛 Kaisheng|裕丰 Yufeng|鼎盛 Dingsheng|恒信 Hengxin|"
    "佳禾 Jiahe|瑞祥 Ruixiang|广源 Guangyuan|聚力 Juli|景程 Jingcheng|九州 Jiuzhou|春晖 Chunhui|和信 Hexin|"
    "众诚 Zhongcheng|明辉 Minghui|金桥 Jinqiao|宝丰 Baofeng|东岳 Dongyue|泰和 Taihe|中瑞 Zhongrui|国邦 Guobang|"
    "海容 Hairong|信诺 Xinnuo|恒运 Hengyun|锦程 Jincheng|日升 Risheng|阳光 Yangguang|卓越 Zhuoyue|奥德 Aode|"
    "腾飞 Tengfei|华信 Huaxin|永固 Yonggu|天润 Tianrun|鲁辰 Luchen|北辰 Beichen|启航 Qihang|万方 Wanfang"
)
# words a company name of each sector carries, Chinese and English
_SECTOR_WORDS = {
    "钢铁": "钢铁 Steel|特钢 Special Steel|钢管 Steel Pipe|金属材料 Metal Materials|不锈钢 Stainless Steel|钢结构 Steel Structure",
    "汽车": "汽车配件 Auto Parts|汽车零部件 Auto Components|汽车销售 Automobile Sales|专用汽车 Special Vehicle|车桥 Axle",
    "渔业": "水产 Aquatic Products|海洋渔业 Marine Fishery|海产品 Seafood|远洋渔业 Ocean Fishing|渔具 Fishing Tackle",
    "旅游": "旅游开发 Tourism Development|文化旅游 Culture and Tourism|酒店管理 Hotel Management|国际旅行社 International Travel Service",
    "食品": "食品 Foods|茶业 Tea|粮油 Grain and Oil|调味品 Condiments|海洋食品 Ocean Foods|农产品 Agricultural Products",
    "机械": "机械 Machinery|重工 Heavy Industry|机床 Machine Tool|液压 Hydraulics|港口机械 Port Machinery",
    "电子": "电子 Electronics|电子科技 Electronic Technology|智能科技 Smart Technology|光电 Optoelectronics",
    "纺织": "纺织 Textile|服饰 Apparel|家纺 Home Textiles|针织 Knitwear",
    "建材": "建材 Building Materials|新型建材 New Building Materials|陶瓷 Ceramics|玻璃 Glass",
    "化工": "化工 Chemical|精细化工 Fine Chemical|新材料 New Materials|涂料 Coatings",
    "家居": "家居 Home Furnishing|家具 Furniture|木业 Wood Industry|卫浴 Sanitary Ware",
    "医疗": "医疗器械 Medical Devices|生物医药 Biopharmaceutical|健康科技 Health Technology|医药 Pharmaceutical",
    "物流": "物流 Logistics|国际货运 International Freight|供应链 Supply Chain|港口服务 Port Services",
    "新能源": "新能源 New Energy|光伏 Photovoltaic|风电 Wind Power|储能 Energy Storage",
}
_FORMS = (
    ("有限公司", "Co., Ltd.", 40), ("股份有限公司", "Corp., Ltd.", 12), ("集团有限公司", "Group Co., Ltd.", 10),
    ("实业有限公司", "Industrial Co., Ltd.", 10), ("科技有限公司", "Technology Co., Ltd.", 10),
    ("贸易有限公司", "Trading Co., Ltd.", 8), ("进出口有限公司", "Import and Export Co., Ltd.", 6),
)
# seed sectors weigh more; the order interleaves them so every hall gets a mix
_SECTOR_WEIGHT = {"钢铁": 12, "汽车": 11, "渔业": 9, "旅游": 7, "食品": 11, "机械": 8, "电子": 7, "纺织": 5,
                  "建材": 6, "化工": 5, "家居": 5, "医疗": 5, "物流": 4, "新能源": 5}
_ZONE_ORDER = ("钢铁 汽车 渔业 旅游 食品 机械 电子 钢铁 汽车 食品 纺织 建材 渔业 化工 家居 钢铁 汽车 医疗 物流 "
               "新能源 食品 旅游").split()
_ROADS = ("海滨二路 泰安路 北京路 烟台路 上海路 济南路 黄海一路 山东路 临沂路 学苑路 工业大道 港口路 "
          "青岛路 威海路 东港大道 开发区大道 金融街 建设路 人民路 中山路").split()
_TITLES = ("总经理 销售经理 市场部经理 市场总监 采购经理 外贸经理 董事长 副总经理 展会专员 行政主管 "
           "品牌经理 技术总监 区域经理 客户经理").split()
_TITLES_PRIMARY = ("总经理 销售经理 市场部经理 市场总监 展会专员 副总经理").split()

_RAW_SIZES = ((600, 600, 35), (900, 600, 25), (900, 900, 15), (1200, 900, 12), (1200, 1200, 8), (1800, 1200, 5))
_BLOCK_REASONS = (("消防通道 / fire exit", 40), ("柱子 / pillar", 35), ("主办方用 / organizer use", 15),
                  ("配电箱 / power box", 10))
_OBJECTIONS = (
    ("没有预算 / no budget", "今年参展预算已用完，明年再说"),
    ("怀疑效果 / doubts about results", "担心参展效果，要看往届展后报告"),
    ("同类展会太多 / too many similar shows", "同期还有广交会和青岛的展会，在比较"),
    ("时间冲突 / date clash", "九月份工厂订单多，人手紧张"),
    ("展位位置不满意 / booth location", "想要靠近主通道的角位"),
)
_FOLLOW_UP_NOTES = {
    "call": ("电话沟通参展意向", "电话跟进报价", "电话确认拜访时间", "介绍往届展后报告和观众数据"),
    "visit": ("上门拜访，介绍展会和展位图", "拜访客户，讨论特装方案", "拜访总经理，确认参展预算"),
    "email": ("发送招展函和展位图", "发送报价单", "发送合同文本"),
}
SHELL = "shell"
RAW = "raw"

# ---------------------------------------------------------------- catalogue and prices (fen)

SHELL_BOOTH_PRICE = 980_000  # ¥9,800 for a 3 m × 3 m shell booth
RAW_PRICE_PER_M2 = 98_000  # ¥980 per m² of raw space
CORNER_PREMIUM = 0.10
ISLAND_PREMIUM = 0.10
# code, name, English name, unit, price (fen), chance a contract orders it, max quantity
_SERVICES = (
    ("POWER-10A", "加电 10A/220V", "Extra power 10 A / 220 V", "处", 60_000, 0.30, 2),
    ("POWER-380", "动力电 15A/380V", "Three-phase power 15 A / 380 V", "处", 180_000, 0.06, 1),
    ("FURN-TABLE", "洽谈桌", "Meeting table", "张", 15_000, 0.25, 2),
    ("FURN-CHAIR", "折椅", "Folding chair", "把", 3_000, 0.30, 6),
    ("FURN-SHOWCASE", "玻璃展柜", "Glass showcase", "个", 45_000, 0.15, 2),
    ("FURN-SPOT", "射灯", "Spotlight", "盏", 8_000, 0.25, 4),
    ("FURN-SHELF", "层板", "Shelf", "块", 6_000, 0.15, 4),
    ("BADGE", "加办参展证", "Extra exhibitor badges", "张", 5_000, 0.35, 10),
    ("CATALOGUE", "会刊彩页广告", "Show catalogue colour page", "页", 300_000, 0.12, 1),
    ("CATALOGUE-LOGO", "会刊企业标识", "Company logo in the catalogue", "项", 80_000, 0.15, 1),
    ("FASCIA", "楣板改字", "Fascia lettering change", "块", 10_000, 0.08, 1),
    ("WATER", "给排水", "Water supply and drain", "处", 150_000, 0.03, 1),
    ("WIFI", "无线网络", "Wi-Fi for the open days", "个", 80_000, 0.10, 1),
    ("CLEAN", "展位保洁（每天）", "Booth cleaning (per day)", "天", 20_000, 0.10, 3),
    ("STORAGE", "仓储", "Storage", "立方米", 12_000, 0.05, 5),
)
_RAW_MANAGEMENT = ("RAW-MGMT", "特装管理费", "Raw space management fee", "平方米", 2_500)

# ---------------------------------------------------------------- the build schedule templates
# A stage is (phase, key task, optional tasks); tasks are (name, role). The key task of a
# stage is always there; each optional task is added with a probability chosen so the
# tier's task count comes out. Every task of a stage depends (finish-to-start) on the key
# task of the stage before it.

_AM, _DS, _CE = "account_manager", "design_supervisor", "construction_executor"


def _stage(phase: str, key: str, role: str, optional: str = "", optional_role: str | None = None):
    names = optional.split()
    return (phase, (key, role), tuple((n, optional_role or role) for n in names))


_SALES_BEFORE = (
    _stage("sales", "客户开发与初次联系", _AM, "发送招展函 寄送往届展后报告"),
    _stage("sales", "需求沟通", _AM, "上门拜访 邀请参观展馆"),
    _stage("sales", "展位方案与报价", _AM, "异议处理 展位图确认 折扣审批"),
    _stage("sales", "签订合同", _AM, "合同审批 录入展商资料"),
)
_SALES_NORMAL = (
    _stage("sales", "收取定金", _AM, "开具定金发票"),
    _stage("sales", "收集会刊信息", _AM, "确认楣板文字 确认参展人员名单 办理参展证件"),
    _stage("sales", "收取尾款", _AM, "开具尾款发票 对账确认"),
)
_SALES_LATE = (
    _stage("sales", "收取全款", _AM, "开具发票"),
    _stage("sales", "收集会刊信息", _AM, "确认楣板文字 确认参展人员名单 办理参展证件"),
)
_SALES_AFTER = (
    _stage("post", "展后报告", _AM, "发送满意度问卷 整理展商成果"),
    _stage("post", "续展邀约", _AM, "预留下届展位"),
)
_DESIGN_RAW = (
    _stage("design", "特装方案设计", _DS, "现场勘测 效果图绘制"),
    _stage("design", "方案确认", _DS, "方案修改"),
    _stage("design", "施工图绘制", _DS, "结构计算书 电路图绘制 材料清单"),
    _stage("design", "搭建商资质审核", _DS, "施工押金收取 施工人员保险"),
    _stage("design", "用电申请", _DS, "给排水申请 网络申请"),
    _stage("design", "图纸提交审核", _DS, "消防材料检测报告"),
    _stage("design", "图纸审核通过", _DS, "审核意见整改"),
    _stage("design", "施工证办理", _DS, "车证办理"),
)
_DESIGN_SHELL = (
    _stage("design", "标摊配置确认", _DS, "楣板文字排版 家具需求确认 用电需求确认"),
    _stage("design", "标摊配置图", _DS, "加配家具下单 展位图标注"),
    _stage("design", "配置审核通过", _DS, "图形画面制作"),
)
_BUILD_RAW = (  # build-up days 1..4
    _stage("build_raw", "特装进场报到", _CE, "材料进场 地面放线 施工安全交底"),
    _stage("build_raw", "主体结构搭建", _CE, "地台铺设 钢结构吊装 墙体搭建"),
    _stage("build_raw", "电路安装", _CE, "灯光安装 饰面装修 画面安装 地毯铺设"),
    _stage("build_raw", "验收交付", _CE, "安全检查 用电检测 消防检查 展品进场 家具摆放 保洁"),
)
_BUILD_SHELL = (  # build-up days 2..4
    _stage("build_shell", "标摊结构搭建", _CE, "地面放线 地毯铺设"),
    _stage("build_shell", "楣板安装", _CE, "射灯安装 插座安装 加配家具摆放"),
    _stage("build_shell", "展位验收交付", _CE, "保洁 展品进场协调 整改复查"),
)
_BUILD_EMPTY = (  # unsold shell booths are built too
    _stage("build_shell", "标摊结构搭建", _CE, "地毯铺设"),
    _stage("build_shell", "楣板安装", _CE),
    _stage("build_shell", "展位验收", _CE),
)
_OPEN_DAYS = tuple(_stage("show", f"开馆巡检（第{n}天）", _CE, "展位保洁 用电安全巡查 展商服务回访")
                   for n in (1, 2, 3))
_TEARDOWN = (
    _stage("teardown", "撤展拆除", _CE, "展品撤离 断电"),
    _stage("teardown", "垃圾清运", _CE, "场地恢复验收"),
)
_TEARDOWN_EMPTY = (_stage("teardown", "撤展拆除", _CE),)
_DEPOSIT_BACK = _stage("post", "施工押金退还", _DS)


def _fixed_windows(first_day: int, count: int) -> list[tuple[int, int]]:
    return [(first_day + i, first_day + i) for i in range(count)]


@functools.cache
def _booth_track(kind: str) -> tuple[tuple, tuple[tuple[int, int], ...]]:
    """Stages of one booth after its contract and the fixed windows of the on-site part.

    ``kind`` is raw / shell (sold) or empty (an unsold shell booth). The design stages
    (sold booths) come first; their windows depend on the signing date.
    """
    if kind == RAW:
        site = _BUILD_RAW + _OPEN_DAYS + _TEARDOWN + (_DEPOSIT_BACK,)
        windows = _fixed_windows(BUILD_START, 4) + _fixed_windows(SHOW_START, 3) \
            + _fixed_windows(SHOW_END + 1, 2) + [(TEARDOWN_END + 1, TEARDOWN_END + 8)]
        return _DESIGN_RAW + site, tuple(windows)
    if kind == SHELL:
        site = _BUILD_SHELL + _OPEN_DAYS + _TEARDOWN
        windows = _fixed_windows(BUILD_START + 1, 3) + _fixed_windows(SHOW_START, 3) \
            + _fixed_windows(SHOW_END + 1, 2)
        return _DESIGN_SHELL + site, tuple(windows)
    return _BUILD_EMPTY + _TEARDOWN_EMPTY, (*_fixed_windows(BUILD_START + 1, 3), (SHOW_END + 1, SHOW_END + 1))


_MILESTONES = (  # (name, day, key)
    ("展位图发布", PLAN_RELEASED, "plan"),
    ("招展截止", SALES_CLOSE, "sales"),
    ("图纸审核完成", SALES_CLOSE, "design"),
    ("布展开始", BUILD_START, "venue"),
    ("开幕", SHOW_START, "build"),
    ("闭幕", SHOW_END, "show"),
    ("撤展完成", TEARDOWN_END, "teardown"),
    ("展后总结", POST_SHOW_END, "post"),
)
# phase: (event name after the hall, role, first day, last day, milestone key)
_EVENTS = {
    "plan": ("展位规划", _DS, _day("2025-11-17"), PLAN_RELEASED, "plan"),
    "sales": ("招展与签约", _AM, _day("2025-11-01"), SALES_CLOSE, "sales"),
    "design": ("设计与图纸审核", _DS, RAW_DESIGN_OPEN, SHELL_DESIGN_END, "design"),
    "venue": ("场馆准备", _CE, _day("2026-09-09"), BUILD_START - 1, "venue"),
    "build_raw": ("特装搭建", _CE, BUILD_START, SHOW_START - 1, "build"),
    "build_shell": ("标摊搭建", _CE, BUILD_START + 1, SHOW_START - 1, "build"),
    "show": ("展期服务", _CE, SHOW_START, SHOW_END, "show"),
    "teardown": ("撤展", _CE, SHOW_END + 1, TEARDOWN_END, "teardown"),
    "post": ("展后跟进", _AM, TEARDOWN_END + 1, POST_SHOW_END, "post"),
}
# hall-level tasks (no booth): phase, name, role, first day, last day
_HALL_TASKS = (
    ("plan", "展位图绘制", _DS, _day("2025-11-17"), _day("2025-12-12")),
    ("plan", "消防通道审核", _DS, _day("2025-12-15"), _day("2025-12-26")),
    ("plan", "展位图审批发布", _DS, _day("2025-12-29"), PLAN_RELEASED),
    ("venue", "展馆交接", _CE, _day("2026-09-09"), _day("2026-09-09")),
    ("venue", "电力接驳", _CE, _day("2026-09-10"), _day("2026-09-11")),
    ("venue", "消防通道划线", _CE, _day("2026-09-10"), _day("2026-09-10")),
    ("venue", "标识导视安装", _CE, _day("2026-09-11"), _day("2026-09-12")),
    ("venue", "通道地毯铺设", _CE, _day("2026-09-12"), _day("2026-09-13")),
    ("venue", "主场服务台搭建", _CE, _day("2026-09-12"), _day("2026-09-13")),
    ("teardown", "展馆清场移交", _CE, TEARDOWN_END, TEARDOWN_END),
)
_BLOCKED_DESIGN = ("等待展商确认方案 / waiting for the exhibitor to approve the design",
                   "图纸退回修改 / drawings returned for changes",
                   "用电需求未确认 / power needs not confirmed",
                   "搭建商资质待补 / builder's papers missing")
_BLOCKED_PAYMENT = "展商付款审批中 / exhibitor's payment is waiting for approval"

# ---------------------------------------------------------------- table columns

COLUMNS: dict[str, tuple[str, ...]] = {
    "users": ("id", "username", "display_name", "role", "password_hash", "active", "created_at"),
    "shows": ("id", "code", "name", "name_en", "venue", "city", "build_start", "start_date", "end_date",
              "teardown_end", "currency", "revenue_target_fen", "created_at"),
    "halls": ("id", "show_id", "code", "name", "width_cm", "depth_cm"),
    "service_items": ("id", "show_id", "code", "name", "name_en", "unit", "unit_price_fen"),
    "exhibitors": ("id", "show_id", "company_name", "company_key", "company_name_en", "sector", "phone", "email",
                   "website", "address", "expected_value_fen", "account_manager_id", "notes", "created_at",
                   "updated_at"),
    "contacts": ("id", "exhibitor_id", "name", "title", "phone", "email", "is_primary"),
    "booths": ("id", "show_id", "hall_id", "number", "x_cm", "y_cm", "width_cm", "depth_cm", "booth_type",
               "status", "blocked_reason", "reserved_for", "reserved_until", "sector"),
    "contracts": ("id", "show_id", "exhibitor_id", "number", "status", "account_manager_id", "total_fen",
                  "discount_fen", "discount_approved_by", "cancellation_fee_fen", "signed_on", "cancelled_on",
                  "fascia_text", "notes", "created_at"),
    "contract_lines": ("id", "contract_id", "kind", "booth_id", "service_item_id", "description", "quantity",
                       "unit_price_fen", "amount_fen", "holds_booth"),
    "payment_schedule": ("id", "contract_id", "label", "due_on", "amount_fen"),
    "payments": ("id", "contract_id", "paid_on", "amount_fen", "method", "reference", "recorded_by", "created_at"),
    "leads": ("id", "show_id", "exhibitor_id", "prospect_name", "account_manager_id", "stage", "lost_reason",
              "objections", "expected_value_fen", "next_follow_up", "visit_at", "notes", "created_at"),
    "follow_ups": ("id", "lead_id", "happened_at", "kind", "note", "user_id"),
    "tasks": ("id", "show_id", "parent_id", "booth_id", "level", "role", "owner_id", "name", "planned_start",
              "planned_finish", "baseline_start", "baseline_finish", "actual_start", "actual_finish", "status",
              "blocked_reason", "notes", "sort_order"),
    "task_dependencies": ("id", "predecessor_id", "successor_id", "lag_days"),
}
TABLE_ORDER = tuple(COLUMNS)  # parents before children
TASK_CHUNK = 20_000

_V4_CLEAR = ~((0xC000 << 48) | (0xF000 << 64))
_V4_SET = (0x8000 << 48) | (4 << 76)


def _pairs(text: str, sep: str = " ") -> list[tuple[str, str]]:
    out = []
    for item in text.split(sep):
        item = item.strip()
        if item:
            zh = "".join(ch for ch in item if ord(ch) > 127)
            out.append((zh, item[len(zh):].strip()))
    return out


_SURNAME_LIST = _pairs(_SURNAMES)
_SURNAME_CUM_WEIGHTS = list(itertools.accumulate(  # common surnames (王 李 张 ...) first and more often
    [7, 7, 7, 5, 4, 3, 2, 2, 2, 2] + [1.2] * 20 + [0.6] * (len(_SURNAME_LIST) - 30)))
_GIVEN_LIST = _pairs(_GIVEN)
_CITY_LIST = [tuple(c.split(" ")) for c in _CITIES.split("|")]
_TRADE_LIST = [tuple(t.split(" ", 1)) for t in _TRADE.split("|")]
_SECTOR_WORD_LIST = {s: [tuple(w.split(" ", 1)) for w in words.split("|")] for s, words in _SECTOR_WORDS.items()}
_SECTOR_NAMES = list(_SECTOR_WEIGHT)
_SECTOR_WEIGHTS = [_SECTOR_WEIGHT[s] for s in _SECTOR_NAMES]
assert set(_SECTOR_NAMES) == set(SECTORS), "demo sectors must match domain.enums.SECTORS"


def _money(fen: float, step: int = 10_000) -> int:
    """Round to whole multiples of ``step`` fen (default ¥100)."""
    return int(round(fen / step)) * step


class _Booth:
    __slots__ = ("id", "hall", "number", "x", "y", "w", "d", "type", "corner", "sector", "status",
                 "blocked_reason", "reserved_for", "reserved_until", "supervisor", "executor")

    def __init__(self, hall: int, x: int, y: int, w: int, d: int, kind: str, corner: bool):
        self.hall, self.x, self.y, self.w, self.d, self.type, self.corner = hall, x, y, w, d, kind, corner
        self.status, self.blocked_reason, self.reserved_for, self.reserved_until = "available", "", "", None


class _Exhibitor:
    __slots__ = ("id", "name", "name_en", "key", "sector", "city", "domain", "manager", "booths", "contract",
                 "created", "expected")

    def __init__(self) -> None:
        self.booths: list[_Booth] = []
        self.contract: _Contract | None = None
        self.expected: int | None = None


class _Contract:
    __slots__ = ("id", "exhibitor", "status", "signed", "cancelled", "total", "deposit_due", "deposit_paid_on",
                 "paid_in_full_on", "late", "number", "created")


class DemoShow:
    """All rows of one demo show, generated in a fixed order from one random stream."""

    def __init__(self, tier: Tier, seed: int):
        self.tier = tier
        self.rng = Random(seed)
        self._bits = self.rng.getrandbits
        self._iso: dict[int, str] = {}
        self.rows: dict[str, list[tuple]] = {t: [] for t in COLUMNS if t not in ("tasks", "task_dependencies")}
        self._company_keys: set[str] = set()
        self._usernames: set[str] = set()
        self._make_users()
        self._make_show()
        self._make_services()
        self._make_halls_and_booths()
        self._make_exhibitors()
        self._sell_booths()
        self._make_contracts()
        self._exhibitor_rows()
        self._booth_rows()
        self._make_leads()
        self._plan_tasks()

    # ------------------------------------------------------------ small helpers

    def uid(self) -> str:
        h = "%032x" % ((self._bits(128) & _V4_CLEAR) | _V4_SET)
        return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"

    def iso(self, day: int) -> str:
        text = self._iso.get(day)
        if text is None:
            text = self._iso[day] = date.fromordinal(day).isoformat()
        return text

    def stamp(self, day: int) -> str:
        """A UTC timestamp during office hours in China (UTC+8) on ``day``."""
        return f"{self.iso(day)}T{self.rng.randint(0, 9):02d}:{self.rng.randint(0, 59):02d}:00+00:00"

    def person(self) -> tuple[str, str]:
        """A Chinese name and its pinyin login form (``wang.fang``)."""
        rng = self.rng
        surname, s_py = rng.choices(_SURNAME_LIST, cum_weights=_SURNAME_CUM_WEIGHTS)[0]
        given = [rng.choice(_GIVEN_LIST) for _ in range(1 if rng.random() < 0.3 else 2)]
        return surname + "".join(g[0] for g in given), f"{s_py}.{''.join(g[1] for g in given)}"

    def mobile(self) -> str:
        return f"1{self.rng.choice('35789')}{self.rng.randrange(10 ** 9):09d}"

    def company(self, sector: str) -> tuple[str, str, str, tuple[str, str, str], str]:
        """A company name unique in the show: (Chinese, English, key, city, web domain)."""
        rng = self.rng
        for attempt in range(200):
            city = rng.choice(_CITY_LIST)
            trade, trade_py = rng.choice(_TRADE_LIST)
            word, word_en = rng.choice(_SECTOR_WORD_LIST[sector])
            form, form_en, _ = rng.choices(_FORMS, [f[2] for f in _FORMS])[0]
            if "科技" in word and "科技" in form:
                form, form_en = "有限公司", "Co., Ltd."
            name = f"{city[0]}{trade}{word}{form}"
            name_en = f"{city[1]} {trade_py} {word_en} {form_en}"
            if attempt >= 100:  # a crowded sector: a branch office keeps the name unique
                branch = rng.randint(2, 99)
                name, name_en = f"{name}第{branch}分公司", f"{name_en} (Branch {branch})"
            key = normalise_company(name)
            if key not in self._company_keys:
                self._company_keys.add(key)
                word_ascii = "".join(ch for ch in word_en.split()[0].lower() if ch.isalpha())
                domain = f"{trade_py.lower()}{word_ascii}.com.cn"
                return name, name_en, key, city, domain
        raise RuntimeError("could not find a unique company name")  # pragma: no cover

    # ------------------------------------------------------------ people, show, catalogue

    def _user(self, role: str, display: str | None = None, username: str | None = None) -> str:
        if display is None:
            display, username = self.person()
        base, n = username, 1
        while username.lower() in self._usernames:
            n += 1
            username = f"{base}{n}"
        self._usernames.add(username.lower())
        uid = self.uid()
        self.rows["users"].append((uid, username, display, role, None, 1, self.stamp(_day("2025-11-03"))))
        return uid

    def _make_users(self) -> None:
        t = self.tier
        self.department_manager = self._user("department_manager")
        self.administrator = self._user("administrator", "系统管理员", "admin")
        self.managers = [self._user(_AM) for _ in range(max(5, t.exhibitors // 200))]
        self.supervisors = [self._user(_DS) for _ in range(max(3, t.booths // 1000))]
        self.executors = [self._user(_CE) for _ in range(max(4, t.booths // 500))]

    def _make_show(self) -> None:
        self.show_id = self.uid()
        self.show_row = [self.show_id, SHOW["code"], SHOW["name"], SHOW["name_en"], SHOW["venue"], SHOW["city"],
                         self.iso(BUILD_START), self.iso(SHOW_START), self.iso(SHOW_END), self.iso(TEARDOWN_END),
                         SHOW["currency"], 0, self.stamp(_day("2025-11-03"))]

    def _make_services(self) -> None:
        self.services = []
        for code, name, name_en, unit, price, chance, most in _SERVICES:
            sid = self.uid()
            self.rows["service_items"].append((sid, self.show_id, code, name, name_en, unit, price))
            self.services.append((sid, name, price, chance, most))
        code, name, name_en, unit, price = _RAW_MANAGEMENT
        self.raw_fee = (self.uid(), name, price)
        self.rows["service_items"].append((self.raw_fee[0], self.show_id, code, name, name_en, unit, price))

    # ------------------------------------------------------------ halls and booths

    def _make_halls_and_booths(self) -> None:
        rng, tier = self.rng, self.tier
        n_halls = max(2, math.ceil(tier.booths / 2500))
        per_hall = [tier.booths // n_halls + (1 if i < tier.booths % n_halls else 0) for i in range(n_halls)]
        per_zone = max(1, min(6, math.ceil(len(_ZONE_ORDER) / n_halls)))
        self.halls: list[tuple[str, str]] = []  # (id, code)
        self.booths: list[_Booth] = []
        for h, count in enumerate(per_hall):
            code = f"{'ABCDEFGH'[h // 6]}{h % 6 + 1}"
            hall_id = self.uid()
            zones = [_ZONE_ORDER[(h * per_zone + i) % len(_ZONE_ORDER)] for i in range(per_zone)]
            width, depth, booths = self._layout(h, count, zones)
            self.halls.append((hall_id, code))
            self.rows["halls"].append((hall_id, self.show_id, code, f"{code}馆", width, depth))
            digits = max(3, len(str(len(booths))))
            for seq, booth in enumerate(booths, start=1):
                booth.id = self.uid()
                booth.number = f"{code}-{seq:0{digits}d}"
            self.booths.extend(booths)
        # who designs and who builds: supervisors by hall zone, executors by stretches of booths
        zone_keys = sorted({(b.hall, b.sector) for b in self.booths})
        sup_of = {z: self.supervisors[i % len(self.supervisors)] for i, z in enumerate(zone_keys)}
        stretch = max(1, len(self.booths) // len(self.executors) + 1)
        for i, b in enumerate(self.booths):
            b.supervisor = sup_of[(b.hall, b.sector)]
            b.executor = self.executors[i // stretch]
        # blocked booths: pillars, fire exits, the organizer's own use
        reasons, weights = zip(*_BLOCK_REASONS, strict=True)
        for b in self.booths:
            if b.type == SHELL and rng.random() < 0.025:
                b.status = "blocked"
                b.blocked_reason = rng.choices(reasons, weights)[0]

    def _layout(self, hall: int, count: int, zones: list[str]) -> tuple[int, int, list[_Booth]]:
        """Booths of one hall in bands with aisles: raw spaces in front, shell rows behind.

        Shell booths stand back to back in double rows of 12 per block with cross aisles;
        raw spaces stand alone (islands) with an aisle around each. Returns the hall's
        width and depth (cm) and its booths in numbering order.
        """
        rng = self.rng
        margin, aisle, cross, cell, per_row = 600, 300, 400, 300, 12
        sizes, size_weights = [(w, d) for w, d, _ in _RAW_SIZES], [p for _, _, p in _RAW_SIZES]
        raw = [rng.choices(sizes, size_weights)[0] for _ in range(count) if rng.random() < 0.12]
        shell_n = count - len(raw)
        area = shell_n * cell * cell * 1.75 + sum((w + aisle) * (d + aisle) for w, d in raw)
        block = per_row * cell
        blocks = max(1, round((math.sqrt(area * 1.6) + cross) / (block + cross)))
        inner = blocks * (block + cross) - cross  # a whole number of shell blocks fills the width
        booths: list[_Booth] = []
        x = y = band = 0
        for w, d in sorted(raw, key=lambda s: (-s[1], -s[0])):
            if x and x + w > inner:
                x, y, band = 0, y + band + aisle, 0
            booths.append(_Booth(hall, margin + x, margin + y, w, d, RAW, False))
            x, band = x + w + aisle, max(band, d)
        if raw:
            y += band + aisle
        per_band = blocks * per_row * 2
        for i in range(shell_n):
            band_no, r = divmod(i, per_band)
            blk, k = divmod(r, per_row * 2)
            row, col = divmod(k, per_row)
            bx = margin + blk * (block + cross) + col * cell
            by = margin + y + band_no * (2 * cell + aisle) + row * cell
            corner = col in (0, per_row - 1) or i == shell_n - 1
            booths.append(_Booth(hall, bx, by, cell, cell, SHELL, corner))
        bands = math.ceil(shell_n / per_band) if shell_n else 0
        depth = margin + y + bands * (2 * cell + aisle) + margin
        for b in booths:
            b.sector = zones[min(len(zones) - 1, (b.x - margin) * len(zones) // inner)]
        return inner + 2 * margin, depth, booths

    # ------------------------------------------------------------ exhibitors and sales

    def _make_exhibitors(self) -> None:
        rng = self.rng
        self.exhibitors: list[_Exhibitor] = []
        for _ in range(self.tier.exhibitors):
            e = _Exhibitor()
            e.id = self.uid()
            e.sector = rng.choices(_SECTOR_NAMES, _SECTOR_WEIGHTS)[0]
            e.name, e.name_en, e.key, e.city, e.domain = self.company(e.sector)
            e.manager = rng.choice(self.managers)
            self.exhibitors.append(e)

    def _sell_booths(self) -> None:
        """Give booths to exhibitors: adjacent booths in their sector's zone where possible."""
        rng = self.rng
        open_booths = [b for b in self.booths if b.status != "blocked"]
        sold_target = round(len(open_booths) * 0.80)
        buyers = rng.sample(self.exhibitors, min(round(len(self.exhibitors) * 0.88), sold_target))
        wanted = [1] * len(buyers)
        big = max(1, len(buyers) // 4)
        for _ in range(sold_target - len(buyers)):
            wanted[rng.randrange(big)] += 1
        pools: dict[str, deque[_Booth]] = {s: deque() for s in _SECTOR_NAMES}
        for b in open_booths:
            pools[b.sector].append(b)
        sold = carry = 0  # booths wanted by earlier buyers who could not get them side by side
        for e, k_wanted in zip(buyers, wanted, strict=True):
            if sold >= sold_target:
                break
            pool = pools[e.sector] or max(pools.values(), key=len)
            if not pool:
                break
            first = pool.popleft()
            e.booths.append(first)
            k = min(k_wanted + carry, 12)  # at most one block of a double row
            while first.type == SHELL and len(e.booths) < k and pool and pool[0].type == SHELL \
                    and pool[0].hall == first.hall:
                e.booths.append(pool.popleft())
            carry += k_wanted - len(e.booths)
            sold += len(e.booths)
        # holds for exhibitors still deciding
        remaining = [b for pool in pools.values() for b in pool if b.type == SHELL or rng.random() < 0.5]
        rng.shuffle(remaining)
        undecided = [e for e in self.exhibitors if not e.booths]
        rng.shuffle(undecided)
        self.reserved_for: dict[str, _Exhibitor] = {}
        holds = remaining[: round(len(open_booths) * 0.06)]
        for i, b in enumerate(holds):
            b.status = "reserved"
            b.reserved_until = self.iso(SNAPSHOT + rng.randint(3, 21))
            if i < len(undecided):
                owner = undecided[i]
                b.reserved_for = owner.name
                self.reserved_for[b.id] = owner
            else:
                b.reserved_for = self.company(rng.choice(_SECTOR_NAMES))[0]

    def _make_contracts(self) -> None:
        rng = self.rng
        contracts: list[_Contract] = []
        span = SNAPSHOT - 1 - _day("2026-01-06")
        for e in self.exhibitors:
            if not e.booths:
                continue
            c = _Contract()
            c.id, c.exhibitor = self.uid(), e
            raw = e.booths[0].type == RAW
            c.signed = _day("2026-01-06") + int(rng.triangular(0, span, span * (0.25 if raw else 0.4)))
            c.cancelled = None
            c.status = "signed"
            if rng.random() < 0.03:
                c.status = "cancelled"
            for b in e.booths:
                b.status = "sold" if c.status != "cancelled" else "available"
            e.contract = c
            contracts.append(c)
        drafts = []
        booth_by_id = {b.id: b for b in self.booths}
        for booth_id, e in self.reserved_for.items():
            if e.contract is None and rng.random() < 0.5:
                c = _Contract()
                c.id, c.exhibitor, c.status, c.signed, c.cancelled = self.uid(), e, "draft", None, None
                e.contract = c
                drafts.append(c)
            if e.contract is not None and e.contract.status == "draft":
                e.booths.append(booth_by_id[booth_id])
        for c in drafts:
            c.created = SNAPSHOT - rng.randint(1, 20)
        for c in contracts:
            c.created = c.signed
        everything = sorted(contracts + drafts, key=lambda c: (c.created, c.id))
        digits = max(4, len(str(len(everything))))
        for n, c in enumerate(everything, start=1):
            c.number = f"{SHOW['code']}-{n:0{digits}d}"
            self._contract_rows(c)
        self.contracts = [c for c in everything if c.status not in ("draft", "cancelled")]
        target = sum(SHELL_BOOTH_PRICE if b.type == SHELL else b.w * b.d // 10_000 * RAW_PRICE_PER_M2
                     for b in self.booths if b.status != "blocked")
        self.show_row[11] = _money(target * 0.9, 1_000_000)

    def _contract_rows(self, c: _Contract) -> None:
        rng, e = self.rng, c.exhibitor
        active = c.status not in ("draft", "cancelled")
        lines = self.rows["contract_lines"]
        subtotal = 0
        booth_total = 0
        has_shell = False
        for b in e.booths:
            if b.type == SHELL:
                has_shell = True
                desc = f"{b.number} 标准展位 3m×3m / shell booth"
                qty, unit = 1, SHELL_BOOTH_PRICE
            else:
                qty, unit = b.w * b.d // 10_000, RAW_PRICE_PER_M2
                desc = f"{b.number} 光地 {b.w // 100}m×{b.d // 100}m / raw space"
            amount = qty * unit
            lines.append((self.uid(), c.id, "booth", b.id, None, desc, qty, unit, amount, 1 if active else 0))
            booth_total += amount
            premium = 0
            if b.type == SHELL and b.corner:
                premium, label = _money(amount * CORNER_PREMIUM, 100), "角位加价 10% / corner premium"
            elif b.type == RAW and b.w * b.d >= 10_800:
                premium, label = _money(amount * ISLAND_PREMIUM, 100), "岛位加价 10% / island premium"
            if premium:
                lines.append((self.uid(), c.id, "premium", b.id, None, f"{b.number} {label}", 1, premium,
                              premium, 0))
                booth_total += premium
            if b.type == RAW:
                fee_id, fee_name, fee_price = self.raw_fee
                lines.append((self.uid(), c.id, "service", b.id, fee_id, f"{b.number} {fee_name}", qty,
                              fee_price, qty * fee_price, 0))
                subtotal += qty * fee_price
        subtotal += booth_total
        for sid, name, price, chance, most in self.services:
            if rng.random() < chance:
                qty = rng.randint(1, most)
                lines.append((self.uid(), c.id, "service", None, sid, name, qty, price, qty * price, 0))
                subtotal += qty * price
        discount = 0
        if rng.random() < 0.15:
            discount = _money(booth_total * rng.choice((0.05, 0.08, 0.10)))
            if discount:
                lines.append((self.uid(), c.id, "discount", None, None, "优惠 / discount", 1, -discount,
                              -discount, 0))
        c.total = subtotal - discount
        c.late = c.signed is not None and c.signed > LATE_SIGNING
        payments = self._schedule_and_payments(c) if c.status != "draft" else []
        fee = 0
        if c.status == "cancelled":
            fee = sum(p for _, p in payments)
        self.rows["contracts"].append((
            c.id, self.show_id, e.id, c.number, c.status, e.manager, c.total, discount,
            self.department_manager if discount else None, fee,
            self.iso(c.signed) if c.signed else None, self.iso(c.cancelled) if c.cancelled else None,
            e.name if has_shell else "", "", self.stamp(c.created),
        ))
        if c.status != "draft":
            expected_factor = rng.lognormvariate(0.6, 0.7)
            e.expected = _money(c.total * expected_factor, 100_000)

    def _schedule_and_payments(self, c: _Contract) -> list[tuple[int, int]]:
        """Payment plan of a signed contract and what has come in by the snapshot day.

        Sets the contract's status from the money: paid, part-paid or signed (nothing
        in yet); a cancelled contract keeps its deposit as the cancellation fee.
        """
        rng = self.rng
        schedule = self.rows["payment_schedule"]
        deposit = _money(c.total * 0.3, 100)
        c.deposit_due = c.signed + 14
        if c.late:
            schedule.append((self.uid(), c.id, "全款 / full payment", self.iso(c.deposit_due), c.total))
        else:
            schedule.append((self.uid(), c.id, "定金 / deposit", self.iso(c.deposit_due), deposit))
            schedule.append((self.uid(), c.id, "尾款 / balance", self.iso(BALANCE_DUE), c.total - deposit))
        paid: list[tuple[int, int]] = []
        last_day = SNAPSHOT - 1
        first_pay = min(last_day, c.signed + rng.randint(2, 16))
        if c.status == "cancelled":
            c.cancelled = min(last_day, c.signed + rng.randint(20, 90))
            if not c.late and rng.random() < 0.7 and first_pay < c.cancelled:
                paid.append((first_pay, deposit))
        elif c.late:
            if first_pay < SNAPSHOT and rng.random() < (0.75 if c.deposit_due < SNAPSHOT else 0.4):
                paid.append((first_pay, c.total))
        else:
            r = rng.random()
            if r < 0.90:
                paid.append((first_pay, deposit))
                if r < 0.45:
                    paid.append((min(last_day, first_pay + rng.randint(1, 150)), c.total - deposit))
                elif r < 0.58:
                    part = _money((c.total - deposit) * rng.choice((0.3, 0.5)), 100)
                    if 0 < part < c.total - deposit:
                        paid.append((min(last_day, first_pay + rng.randint(1, 120)), part))
        for day, amount in paid:
            self.rows["payments"].append((
                self.uid(), c.id, self.iso(day), amount, "bank_transfer",
                f"HX{self.iso(day).replace('-', '')}{rng.randrange(10 ** 6):06d}",
                c.exhibitor.manager, self.stamp(day),
            ))
        got = sum(a for _, a in paid)
        if got:
            c.deposit_paid_on = paid[0][0]
        else:
            c.deposit_paid_on = None
        c.paid_in_full_on = paid[-1][0] if got == c.total and got else None
        if c.status != "cancelled":
            c.status = "paid" if got == c.total else "part_paid" if got else "signed"
        return paid

    def _exhibitor_rows(self) -> None:
        rng = self.rng
        contacts = self.rows["contacts"]
        for e in self.exhibitors:
            city, py, area = e.city
            digits = 8 if len(area) == 3 else 7
            phone = f"{area}-{rng.randint(2, 8)}{rng.randrange(10 ** (digits - 1)):0{digits - 1}d}"
            if e.expected is None and rng.random() < 0.7:
                e.expected = _money(rng.lognormvariate(11.5, 0.8) * 100, 100_000)
            c = e.contract
            e.created = (c.created if c.signed is None else c.signed) - rng.randint(20, 90) if c \
                else SNAPSHOT - rng.randint(5, 200)
            updated = min(SNAPSHOT - 1, e.created + rng.randint(0, 120))
            address = f"{city}市{rng.choice(_ROADS)}{rng.randint(1, 399)}号"
            self.rows["exhibitors"].append((
                e.id, self.show_id, e.name, e.key, e.name_en, e.sector, phone,
                f"{rng.choice(('info', 'sales', 'market', 'office'))}@{e.domain}", f"www.{e.domain}", address,
                e.expected, e.manager, "", self.stamp(e.created), self.stamp(updated),
            ))
            for n in range(rng.choices((1, 2, 3), (50, 35, 15))[0]):
                name, py_name = self.person()
                title = rng.choice(_TITLES_PRIMARY if n == 0 else _TITLES)
                contacts.append((self.uid(), e.id, name, title, self.mobile(), f"{py_name}@{e.domain}",
                                 1 if n == 0 else 0))

    def _booth_rows(self) -> None:
        hall_ids = [h[0] for h in self.halls]
        self.rows["booths"] = [
            (b.id, self.show_id, hall_ids[b.hall], b.number, b.x, b.y, b.w, b.d, b.type, b.status,
             b.blocked_reason, b.reserved_for, b.reserved_until, b.sector)
            for b in self.booths
        ]

    def _make_leads(self) -> None:
        """The pipeline: one lead per exhibitor, plus prospects who said no or are undecided."""
        rng = self.rng
        leads, follow_ups = self.rows["leads"], self.rows["follow_ups"]

        def add(exhibitor: _Exhibitor | None, prospect: str, manager: str, stage: str, created: int,
                value: int | None) -> None:
            lead_id = self.uid()
            lost, objections = "", ""
            if stage == "lost" or rng.random() < 0.3:
                reason, said = rng.choice(_OBJECTIONS)
                objections = said
                if stage == "lost":
                    lost = reason
            open_stage = stage in ("contacted", "visit_booked", "proposal")
            follow = self.iso(SNAPSHOT + rng.randint(0, 14)) if open_stage else None
            visit = None
            if stage in ("visit_booked", "proposal", "signed"):
                visit_day = created + rng.randint(3, 20) if stage != "visit_booked" else SNAPSHOT + rng.randint(1, 14)
                visit = f"{self.iso(visit_day)}T{rng.choice(('09:30', '10:00', '14:00', '15:30'))}"
            leads.append((lead_id, self.show_id, exhibitor.id if exhibitor else None, prospect, manager, stage, lost,
                          objections, value, follow, visit, "", self.stamp(created)))
            day = created
            for _ in range(rng.choices((1, 2, 3, 4), (30, 35, 25, 10))[0]):
                if day >= SNAPSHOT:
                    break
                kind = rng.choices(("call", "visit", "email"), (60, 20, 20))[0]
                follow_ups.append((self.uid(), lead_id, self.stamp(day), kind, rng.choice(_FOLLOW_UP_NOTES[kind]),
                                   manager))
                day += rng.randint(3, 25)

        holding = {id(e) for e in self.reserved_for.values()}
        for e in self.exhibitors:
            c = e.contract
            if c is None:
                stage = "visit_booked" if id(e) in holding else rng.choice(("contacted", "contacted", "lost"))
            elif c.status == "draft":
                stage = "proposal"
            elif c.status == "cancelled":
                stage = "lost"
            else:
                stage = "signed"
            add(e, "", e.manager, stage, e.created, e.expected)
        for _ in range(round(self.tier.exhibitors * 0.3)):
            sector = rng.choice(_SECTOR_NAMES)
            name = self.company(sector)[0]
            stage = rng.choices(("lost", "contacted", "visit_booked", "proposal"), (70, 12, 10, 8))[0]
            add(None, name, rng.choice(self.managers), stage, SNAPSHOT - rng.randint(10, 250),
                _money(rng.lognormvariate(10.5, 0.7) * 100, 100_000))

    # ------------------------------------------------------------ the build schedule

    def _plan_tasks(self) -> None:
        """Work out how many optional tasks to add so the tier's task count comes out."""
        fixed = len(_MILESTONES) + len(self.halls) * (len(_EVENTS) + len(_HALL_TASKS))
        keys = optional = 0

        def count(stages) -> None:
            nonlocal keys, optional
            for _, _, opts in stages:
                keys += 1
                optional += len(opts)

        for c in self.contracts:
            count(_SALES_BEFORE + (_SALES_LATE if c.late else _SALES_NORMAL) + _SALES_AFTER)
            for b in c.exhibitor.booths:
                count(_booth_track(b.type)[0])
        for b in self.booths:
            if b.type == SHELL and b.status in ("available", "reserved"):
                count(_booth_track("empty")[0])
        self.optional_share = max(0.0, min(1.0, (self.tier.tasks - fixed - keys) / max(1, optional)))
        self.expected_tasks = fixed + keys + round(optional * self.optional_share)

    def task_chunks(self) -> Iterator[tuple[list[tuple], list[tuple]]]:
        """(tasks, dependencies) in chunks; a dependency's tasks are in its chunk or before."""
        rng = self.rng
        share = self.optional_share
        show_id = self.show_id
        uid, iso, rnd = self.uid, self.iso, rng.random
        tasks: list[tuple] = []
        deps: list[tuple] = []
        order = 0

        def status_of(start: int, finish: int, next_start: int | None, prev_done: bool, blockers=()):
            """(status, actual start, actual finish, blocked reason) as of the snapshot."""
            if not prev_done:
                return "not_started", None, None, ""
            if finish < SNAPSHOT:
                r = rnd()
                if r < 0.93:
                    late = 0
                    if r < 0.12:
                        limit = SNAPSHOT - 1 - finish
                        if next_start is not None:
                            limit = min(limit, next_start - 1 - finish)
                        late = max(0, min(rng.randint(1, 3), limit))
                    return "done", iso(start), iso(finish + late), ""
                if r < 0.98 or not blockers:
                    return "in_progress", iso(start), None, ""
                return "blocked", iso(start), None, rng.choice(blockers)
            if start <= SNAPSHOT:
                r = rnd()
                if r < 0.75:
                    return "in_progress", iso(start), None, ""
                if r < 0.95 or not blockers:
                    return "not_started", None, None, ""
                return "blocked", None, None, rng.choice(blockers)
            return "not_started", None, None, ""

        # milestones and main events
        milestone_ids = {}
        for name, day, key in _MILESTONES:
            tid = uid()
            milestone_ids[key] = tid
            done = day < SNAPSHOT
            tasks.append((tid, show_id, None, None, "milestone", None, self.department_manager, name, iso(day),
                          iso(day), iso(day), iso(day), iso(day) if done else None, iso(day) if done else None,
                          "done" if done else "not_started", "", "", order))
            order += 1
        events: dict[tuple[int, str], str] = {}
        lead = {_AM: self.managers, _DS: self.supervisors, _CE: self.executors}
        for h, (_, code) in enumerate(self.halls):
            for phase, (name, role, first, last, milestone) in _EVENTS.items():
                tid = uid()
                events[(h, phase)] = tid
                state = "done" if last < SNAPSHOT else "in_progress" if first <= SNAPSHOT else "not_started"
                tasks.append((tid, show_id, milestone_ids[milestone], None, "event", role,
                              lead[role][h % len(lead[role])], f"{code}馆 {name}", iso(first), iso(last), iso(first),
                              iso(last), iso(first) if state != "not_started" else None,
                              iso(last) if state == "done" else None, state, "", "", order))
                order += 1
            for phase, name, role, first, last in _HALL_TASKS:
                state, a_start, a_finish, _ = status_of(first, last, None, True)
                tasks.append((uid(), show_id, events[(h, phase)], None, "task", role, lead[role][h % len(lead[role])],
                              f"{code}馆 {name}", iso(first), iso(last), iso(first), iso(last), a_start, a_finish,
                              state, "", "", order))
                order += 1

        def emit(stages, windows, booth: _Booth, owners: dict[str, str], prev_key: str | None, prev_done: bool,
                 overrides: dict[str, tuple] | None = None, done_through: int = 0,
                 ) -> tuple[str | None, bool, str | None]:
            """Tasks of consecutive stages; returns the last key task, whether it is done, and
            the id of the contract-signing key (for the sales track).

            Stages before ``done_through`` are done as planned; ``overrides`` give the state
            of named key tasks (money received), unless their predecessor is not done yet.
            """
            nonlocal order
            parent_of = events
            hall = booth.hall
            signing = None
            for i, ((phase, (key_name, key_role), opts), (start, finish)) in enumerate(zip(stages, windows, strict=True)):
                next_start = windows[i + 1][0] if i + 1 < len(windows) else None
                parent = parent_of[(hall, phase)]
                s_start, s_finish = iso(start), iso(finish)
                key_id = None
                key_done = False
                for j, (name, role) in enumerate(((key_name, key_role),) + opts):
                    if j and rnd() >= share:
                        continue
                    tid = uid()
                    if i < done_through:
                        state, a_start, a_finish, why = "done", s_start, s_finish, ""
                    elif overrides and j == 0 and key_name in overrides:
                        state, a_start, a_finish, why = overrides[key_name]
                        if state != "done" and not prev_done:
                            state, a_start, a_finish, why = "not_started", None, None, ""
                    else:
                        blockers = _BLOCKED_DESIGN if role == _DS else ()
                        state, a_start, a_finish, why = status_of(start, finish, next_start, prev_done, blockers)
                    tasks.append((tid, show_id, parent, booth.id, "task", role, owners[role], name, s_start,
                                  s_finish, s_start, s_finish, a_start, a_finish, state, why, "", order))
                    order += 1
                    if prev_key is not None:
                        deps.append((uid(), prev_key, tid, 0))
                    if j == 0:
                        key_id, key_done = tid, state == "done"
                        if key_name == "签订合同":
                            signing = tid
                prev_key, prev_done = key_id, key_done
            return prev_key, prev_done, signing

        for c in self.contracts:
            e = c.exhibitor
            first = e.booths[0]
            owners = {_AM: e.manager, _DS: first.supervisor, _CE: first.executor}
            stages, windows, overrides = self._sales_plan(c)
            _, _, signing = emit(stages, windows, first, owners, None, True, overrides, len(_SALES_BEFORE))
            for b in e.booths:
                stages, site = _booth_track(b.type)
                n_design = len(_DESIGN_RAW if b.type == RAW else _DESIGN_SHELL)
                opens, ends = (RAW_DESIGN_OPEN, RAW_DESIGN_END) if b.type == RAW else (SHELL_DESIGN_OPEN,
                                                                                        SHELL_DESIGN_END)
                d0 = max(c.signed + 3, opens)
                span = ends - d0 + 1
                cuts = [d0 + span * i // n_design for i in range(n_design + 1)]
                windows = [(cuts[i], cuts[i + 1] - 1) for i in range(n_design)] + list(site)
                emit(stages, windows, b, {_AM: e.manager, _DS: b.supervisor, _CE: b.executor}, signing, True)
            if len(tasks) >= TASK_CHUNK:
                yield tasks, deps
                tasks, deps = [], []
        empty_stages, empty_windows = _booth_track("empty")
        for b in self.booths:
            if b.type == SHELL and b.status in ("available", "reserved"):
                emit(empty_stages, empty_windows, b, {_CE: b.executor, _DS: b.supervisor, _AM: self.managers[0]},
                     None, True)
                if len(tasks) >= TASK_CHUNK:
                    yield tasks, deps
                    tasks, deps = [], []
        if tasks or deps:
            yield tasks, deps

    def _sales_plan(self, c: _Contract):
        """Stages, windows and payment-driven statuses of the sales track of a contract."""
        iso = self.iso
        s = c.signed
        windows = [(s - 60, s - 50), (s - 49, s - 30), (s - 29, s - 1), (s, s)]
        overrides: dict[str, tuple] = {}
        if c.late:
            stages = _SALES_BEFORE + _SALES_LATE + _SALES_AFTER
            pay = (s + 1, c.deposit_due)
            info = (pay[1] + 1, min(pay[1] + 10, SALES_CLOSE))
            windows += [pay, info]
            overrides["收取全款"] = self._payment_state(pay, c.paid_in_full_on)
        else:
            stages = _SALES_BEFORE + _SALES_NORMAL + _SALES_AFTER
            deposit = (s + 1, c.deposit_due)
            info = (deposit[1] + 1, max(deposit[1] + 1, min(s + 45, _day("2026-08-25"))))
            balance = (max(info[1] + 1, _day("2026-08-01")), BALANCE_DUE)
            windows += [deposit, info, balance]
            overrides["收取定金"] = self._payment_state(deposit, c.deposit_paid_on)
            overrides["收取尾款"] = self._payment_state(balance, c.paid_in_full_on)
            if c.paid_in_full_on is not None:  # money in means the paperwork before it is done
                overrides["收集会刊信息"] = ("done", iso(info[0]), iso(min(info[1], SNAPSHOT - 1)), "")
        windows += [(TEARDOWN_END + 1, TEARDOWN_END + 6), (TEARDOWN_END + 7, POST_SHOW_END)]
        return stages, windows, overrides

    def _payment_state(self, window: tuple[int, int], paid_on: int | None) -> tuple:
        start, due = window
        iso = self.iso
        if paid_on is not None:
            return "done", iso(min(start, paid_on)), iso(paid_on), ""
        if start > SNAPSHOT:
            return "not_started", None, None, ""
        if due < SNAPSHOT and self.rng.random() < 0.15:
            return "blocked", iso(start), None, _BLOCKED_PAYMENT
        return "in_progress", iso(start), None, ""

    # ------------------------------------------------------------ all rows

    def small_tables(self) -> Iterator[tuple[str, list[tuple]]]:
        """Every table but the schedule, parents first."""
        for table in TABLE_ORDER:
            if table == "shows":
                yield table, [tuple(self.show_row)]
            elif table in self.rows:
                yield table, self.rows[table]


def generate(size: str = "S", seed: int = 2026) -> DemoShow:
    """The demo show in memory (tasks are produced lazily by ``task_chunks``)."""
    return DemoShow(_tier(size), seed)


def _tier(size: str) -> Tier:
    tier = TIERS.get(str(size).upper())
    if tier is None:
        raise UserError(f"未知规模 {size} / unknown size {size}; choose one of {', '.join(TIERS)}")
    return tier


def write_demo(path: Path | str, size: str = "S", seed: int = 2026, progress: Progress | None = None) -> dict:
    """Create a new file at ``path`` holding the demo show of ``size`` (S, M, L, XL).

    Refuses a path that exists (``UserError``). The file is created with
    ``open_database`` (migrated and marked as ours), filled in one transaction inside a
    temporary file next to ``path`` and renamed into place when complete, so a failed
    or interrupted run leaves nothing at ``path``. No audit entries are written for the
    generated rows. ``progress(step, done, total)`` is called as the tables fill.
    Returns the number of rows written per table.
    """
    path = Path(path)
    tier = _tier(size)
    if path.exists():
        raise UserError(f"{path}: 文件已存在，不会覆盖 / the file already exists; it will not be overwritten")
    if not path.parent.is_dir():
        raise UserError(f"{path.parent}: 文件夹不存在 / folder not found")
    report = progress or (lambda step, done, total: None)
    partial = path.with_name(path.name + ".partial")
    for leftover in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm"), Path(f"{partial}-journal")):
        leftover.unlink(missing_ok=True)
    counts: dict[str, int] = {}
    try:
        report("generate", 0, 1)
        demo = DemoShow(tier, int(seed))
        report("generate", 1, 1)
        db = open_database(partial)
        try:
            with bulk.fresh_file_load(db):
                for table, rows in demo.small_tables():
                    report(table, 0, len(rows))
                    counts[table] = bulk.insert_rows(db, table, COLUMNS[table], rows)
                    report(table, counts[table], len(rows))
                counts["tasks"] = counts["task_dependencies"] = 0
                report("tasks", 0, demo.expected_tasks)
                for tasks, deps in demo.task_chunks():
                    counts["tasks"] += bulk.insert_rows(db, "tasks", COLUMNS["tasks"], tasks)
                    counts["task_dependencies"] += bulk.insert_rows(db, "task_dependencies",
                                                                    COLUMNS["task_dependencies"], deps)
                    report("tasks", counts["tasks"], max(demo.expected_tasks, counts["tasks"]))
                report("indexes", 0, 1)
            report("indexes", 1, 1)
        finally:
            db.close()
        if path.exists():  # appeared while we were writing
            raise UserError(f"{path}: 文件已存在，不会覆盖 / the file already exists; it will not be overwritten")
        os.replace(partial, path)
    except BaseException:
        for leftover in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm"), Path(f"{partial}-journal")):
            leftover.unlink(missing_ok=True)
        raise
    return counts
