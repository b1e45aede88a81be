/// The glossary that check examples run against: a few real machine-translation errors.
public enum ExampleGlossary {
    public static let yaml = """
    version: 1
    source_language: zh-Hans
    target_language: en
    terms:
      - source: 电商
        target: e-commerce
        forbidden: [electricity business, electricity supplier]
      - source: 淘宝
        target: Taobao
        forbidden: [Amoy]
      - source: 微博
        target: Weibo
        forbidden: [micro-blog, microblog]
      - source: 新浪微博
        target: Sina Weibo
        forbidden: [micro-blog Sina, Sina micro-blog]
      - source: 阿里
        target: Alibaba
        forbidden: [Ali]
      - source: 微信
        target: WeChat
        forbidden: [micro-letter, micro letter]
      - source: 微信钱包
        target: WeChat Wallet
        case_sensitive: false
      - source: 拼多多
        target: Pinduoduo
        forbidden: [spell more more]
      - source: 小米
        target: Xiaomi
        forbidden: [millet]
        ambiguous: true
        context: [phone, smartphone, Lei Jun, Redmi, Huawei]
        note: millet the grain is meant unless the source says 小米 or the paragraph is about phones
      - target: npm
        case_sensitive: true
      - source: 苹果
        target: Apple
        ambiguous: true
        context: [iPhone, Samsung, smartphone, Xiaomi]
        note: apple the fruit is meant unless the source says 苹果 or the paragraph is about phones
      - source: 两会
        target: Two Sessions
        context: [NPC, CPPCC]
      - source: 二维码
        target: QR code
        forbidden: [two-dimensional code]
      - source: 红米
        target: Redmi
        forbidden: [{text: Hongmi, ambiguous: true}]
        context: [phone, Xiaomi]
    readings:
      红: [red]
      米: [rice, meter]
    """

    /// The same terms from English to Chinese, for examples of bilingual checks whose source is English.
    public static let reversedYAML = """
    version: 1
    source_language: en
    target_language: zh-Hans
    terms:
      - source: e-commerce
        target: 电商
        forbidden: [电力业务]
      - source: Taobao
        target: 淘宝
        forbidden: [厦门]
      - source: Weibo
        target: 微博
      - source: WeChat
        target: 微信
    """

    public static let reversed: Glossary = {
        do { return try GlossaryLoader.load(yaml: reversedYAML, file: "ExampleGlossary.reversed") } catch { fatalError("ExampleGlossary.reversed is invalid: \(error)") }
    }()

    public static let glossary: Glossary = {
        do { return try GlossaryLoader.load(yaml: yaml, file: "ExampleGlossary") } catch { fatalError("ExampleGlossary is invalid: \(error)") }
    }()
}
