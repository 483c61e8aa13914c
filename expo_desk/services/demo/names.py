"""Bilingual names: Chinese people with their pinyin, and companies with Chinese and English names.

The lists are written compactly (``王wang``, ``日照 Rizhao 0633``, ``宏达 Hongda``) and
parsed once at import. ``person``, ``mobile`` and ``company`` draw from them with the
caller's random stream.
"""

from __future__ import annotations

import itertools
from random import Random

from expo_desk.domain.enums import SECTORS
from expo_desk.domain.exhibitors import normalise_company

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
# seed sectors weigh more
_SECTOR_WEIGHT = {"钢铁": 12, "汽车": 11, "渔业": 9, "旅游": 7, "食品": 11, "机械": 8, "电子": 7, "纺织": 5,
                  "建材": 6, "化工": 5, "家居": 5, "医疗": 5, "物流": 4, "新能源": 5}
# addresses, job titles (a company's first contact holds one of the primary titles)
ROADS = ("海滨二路 泰安路 北京路 烟台路 上海路 济南路 黄海一路 山东路 临沂路 学苑路 工业大道 港口路 "
         "青岛路 威海路 东港大道 开发区大道 金融街 建设路 人民路 中山路").split()
TITLES = ("总经理 销售经理 市场部经理 市场总监 采购经理 外贸经理 董事长 副总经理 展会专员 行政主管 "
          "品牌经理 技术总监 区域经理 客户经理").split()
TITLES_PRIMARY = ("总经理 销售经理 市场部经理 市场总监 展会专员 副总经理").split()


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
_FORM_WEIGHTS = [f[2] for f in _FORMS]
SECTOR_NAMES = list(_SECTOR_WEIGHT)
SECTOR_WEIGHTS = [_SECTOR_WEIGHT[s] for s in SECTOR_NAMES]
assert set(SECTOR_NAMES) == set(SECTORS), "demo sectors must match domain.enums.SECTORS"

# a company: Chinese name, English name, the key that makes it unique, (city, pinyin, area code), web domain
Company = tuple[str, str, str, tuple[str, str, str], str]


def person(rng: Random) -> tuple[str, str]:
    """A Chinese name and its pinyin login form (``wang.fang``)."""
    surname, s_py = rng.choices(_SURNAME_LIST, cum_weights=_SURNAME_CUM_WEIGHTS)[0]
    given = [rng.choice(_GIVEN_LIST) for _ in range(1 if rng.random() < 0.3 else 2)]
    return surname + "".join(g[0] for g in given), f"{s_py}.{''.join(g[1] for g in given)}"


def mobile(rng: Random) -> str:
    return f"1{rng.choice('35789')}{rng.randrange(10 ** 9):09d}"


def company(rng: Random, sector: str, taken: set[str]) -> Company:
    """A company of ``sector`` whose key is not in ``taken`` (the key is added to it)."""
    for attempt in range(200):
        city = rng.choice(_CITY_LIST)
        trade, trade_py = rng.choice(_TRADE_LIST)
        word, word_en = rng.choice(_SECTOR_WORD_LIST[sector])
        form, form_en, _ = rng.choices(_FORMS, _FORM_WEIGHTS)[0]
        if "科技" in word and "科技" in form:
            form, form_en = "有限公司", "Co., Ltd."
        name = f"{city[0]}{trade}{word}{form}"
        name_en = f"{city[1]} {trade_py} {word_en} {form_en}"
        if attempt >= 100:  # a crowded sector: a branch office keeps the name unique
            branch = rng.randint(2, 99)
            name, name_en = f"{name}第{branch}分公司", f"{name_en} (Branch {branch})"
        key = normalise_company(name)
        if key not in taken:
            taken.add(key)
            word_ascii = "".join(ch for ch in word_en.split()[0].lower() if ch.isalpha())
            domain = f"{trade_py.lower()}{word_ascii}.com.cn"
            return name, name_en, key, city, domain
    raise RuntimeError("could not find a unique company name")  # pragma: no cover
