"""Hand-written stories the quality queries look for (key, section, English, Hindi).

Each is (key, section, en_title, en_body, hi_title, hi_body). Several share words on purpose
(Modi and Putin in two stories, monsoon in four, election in two) so ranking has to choose.
"""

from __future__ import annotations

ANCHORS: list[tuple[str, str, str, str, str, str]] = [
    (
        "modi-putin-call",
        "world",
        "Putin calls Modi after Alaska summit",
        "Russian President Vladimir Putin spoke to Prime Minister Narendra Modi by phone after "
        "the Alaska summit. The leaders discussed defence, energy and trade between India and "
        "Russia.",
        "अलास्का शिखर सम्मेलन के बाद पुतिन ने मोदी को फोन किया",
        "रूस के राष्ट्रपति व्लादिमीर पुतिन ने प्रधानमंत्री नरेंद्र मोदी से फोन पर बात की। दोनों "
        "नेताओं ने भारत और रूस के बीच रक्षा, ऊर्जा और व्यापार पर चर्चा की।",
    ),
    (
        "modi-moscow-visit",
        "world",
        "Modi to visit Moscow for annual summit",
        "Prime Minister Narendra Modi will travel to Moscow next month for the annual "
        "India–Russia summit, officials said. Putin is expected to host a dinner.",
        "वार्षिक शिखर सम्मेलन के लिए मोदी मास्को जाएंगे",
        "अधिकारियों ने बताया कि प्रधानमंत्री नरेंद्र मोदी अगले महीने वार्षिक भारत–रूस शिखर "
        "सम्मेलन के लिए मास्को जाएंगे। पुतिन रात्रिभोज की मेजबानी करेंगे।",
    ),
    (
        "india-russia-trade",
        "business",
        "India–Russia trade crosses $65 billion",
        "Bilateral trade between India and Russia crossed 65 billion dollars, driven by crude oil "
        "imports. Both sides want to balance the trade.",
        "भारत–रूस व्यापार 65 अरब डॉलर के पार",
        "कच्चे तेल के आयात के कारण भारत और रूस के बीच द्विपक्षीय व्यापार 65 अरब डॉलर के पार "
        "पहुंच गया। दोनों देश व्यापार को संतुलित करना चाहते हैं।",
    ),
    (
        "kerala-monsoon",
        "india",
        "Monsoon arrives in Kerala three days early",
        "The southwest monsoon reached the Kerala coast three days before the usual date, the "
        "weather office said.",
        "केरल में मानसून तीन दिन पहले पहुंचा",
        "मौसम विभाग ने बताया कि दक्षिण-पश्चिम मानसून सामान्य तारीख से तीन दिन पहले केरल तट पर पहुंच गया।",
    ),
    (
        "mumbai-rain",
        "india",
        "Heavy rain floods Mumbai local train tracks",
        "Local train services in Mumbai were suspended after heavy monsoon rain flooded the "
        "tracks.",
        "भारी बारिश से मुंबई में लोकल ट्रेन की पटरियां डूबीं",
        "मानसून की भारी बारिश से पटरियों पर पानी भरने के बाद मुंबई में लोकल ट्रेन सेवाएं रोक दी गईं।",
    ),
    (
        "isro-chandrayaan",
        "technology",
        "ISRO plans next Moon mission",
        "The Indian Space Research Organisation said the next Chandrayaan mission will land near "
        "the lunar south pole.",
        "इसरो ने अगले चंद्र मिशन की योजना बनाई",
        "भारतीय अंतरिक्ष अनुसंधान संगठन ने कहा कि अगला चंद्रयान मिशन चांद के दक्षिणी ध्रुव के पास उतरेगा।",
    ),
    (
        "cricket-world-cup",
        "sports",
        "India beat Australia to reach World Cup final",
        "Virat Kohli scored a century as India beat Australia by six wickets in the semi-final.",
        "भारत ने ऑस्ट्रेलिया को हराकर विश्व कप फाइनल में जगह बनाई",
        "विराट कोहली के शतक की बदौलत भारत ने सेमीफाइनल में ऑस्ट्रेलिया को छह विकेट से हराया।",
    ),
    (
        "kabaddi-league",
        "sports",
        "Patna Pirates win the kabaddi league",
        "Patna Pirates won the Pro Kabaddi League title with a late raid.",
        "पटना पाइरेट्स ने कबड्डी लीग जीती",
        "पटना पाइरेट्स ने आखिरी रेड के दम पर प्रो कबड्डी लीग का खिताब जीता।",
    ),
    (
        "budget-farmers",
        "business",
        "Budget raises support for farmers",
        "The finance minister announced higher support prices and a new irrigation fund for "
        "farmers in the Union Budget.",
        "बजट में किसानों के लिए सहायता बढ़ी",
        "वित्त मंत्री ने केंद्रीय बजट में किसानों के लिए अधिक समर्थन मूल्य और नई सिंचाई निधि की घोषणा की।",
    ),
    (
        "gst-collection",
        "business",
        "GST collections hit a record in April",
        "Goods and Services Tax collections rose to a record level in April, the finance "
        "ministry said.",
        "अप्रैल में जीएसटी संग्रह रिकॉर्ड स्तर पर",
        "वित्त मंत्रालय ने कहा कि अप्रैल में वस्तु एवं सेवा कर संग्रह रिकॉर्ड स्तर पर पहुंच गया।",
    ),
    (
        "delhi-pollution",
        "india",
        "Delhi air quality turns severe",
        "Air pollution in Delhi reached the severe category as stubble burning rose in Punjab "
        "and Haryana.",
        "दिल्ली की हवा गंभीर श्रेणी में",
        "पंजाब और हरियाणा में पराली जलाने की घटनाएं बढ़ने से दिल्ली में वायु प्रदूषण गंभीर श्रेणी में पहुंच गया।",
    ),
    (
        "ganga-cleanup",
        "india",
        "New plan to clean the Ganga in Varanasi",
        "The government approved sewage treatment plants along the Ganga river in Varanasi.",
        "वाराणसी में गंगा की सफाई के लिए नई योजना",
        "सरकार ने वाराणसी में गंगा नदी के किनारे सीवेज शोधन संयंत्रों को मंजूरी दी।",
    ),
    (
        "vande-bharat",
        "india",
        "Vande Bharat train to link Jaipur and Udaipur",
        "A new Vande Bharat express will connect Jaipur and Udaipur from next week, the railway "
        "ministry said.",
        "जयपुर और उदयपुर के बीच चलेगी वंदे भारत ट्रेन",
        "रेल मंत्रालय ने बताया कि अगले सप्ताह से जयपुर और उदयपुर के बीच नई वंदे भारत एक्सप्रेस चलेगी।",
    ),
    (
        "upi-payments",
        "business",
        "UPI payments cross 10 billion a month",
        "Digital payments through UPI crossed ten billion transactions in a month for the first "
        "time.",
        "यूपीआई भुगतान एक महीने में 10 अरब के पार",
        "यूपीआई के जरिए डिजिटल भुगतान पहली बार एक महीने में दस अरब लेनदेन के पार पहुंच गया।",
    ),
    (
        "rajasthan-heatwave",
        "india",
        "Heatwave grips Rajasthan, Churu at 50 degrees",
        "Churu recorded 50 degrees Celsius as a severe heatwave gripped Rajasthan.",
        "राजस्थान में लू का प्रकोप, चूरू में पारा 50 डिग्री",
        "राजस्थान में भीषण लू के बीच चूरू में तापमान 50 डिग्री सेल्सियस दर्ज किया गया।",
    ),
    (
        "bihar-election",
        "india",
        "Bihar assembly election dates announced",
        "The Election Commission announced that Bihar will vote in three phases.",
        "बिहार विधानसभा चुनाव की तारीखों का ऐलान",
        "चुनाव आयोग ने घोषणा की कि बिहार में तीन चरणों में मतदान होगा।",
    ),
    (
        "up-counting",
        "india",
        "Counting of votes in Uttar Pradesh election begins",
        "Counting of votes for the Uttar Pradesh assembly election began at eight in the morning.",
        "उत्तर प्रदेश चुनाव में मतगणना शुरू",
        "उत्तर प्रदेश विधानसभा चुनाव के लिए वोटों की गिनती सुबह आठ बजे शुरू हुई।",
    ),
    (
        "bullet-train",
        "world",
        "Japan and India review bullet train project",
        "Japan and India reviewed progress on the Mumbai–Ahmedabad bullet train.",
        "जापान और भारत ने बुलेट ट्रेन परियोजना की समीक्षा की",
        "जापान और भारत ने मुंबई–अहमदाबाद बुलेट ट्रेन की प्रगति की समीक्षा की।",
    ),
    (
        "tiger-census",
        "india",
        "Tiger numbers rise in Madhya Pradesh",
        "The latest census counted more tigers in Madhya Pradesh reserves than ever before.",
        "मध्य प्रदेश में बाघों की संख्या बढ़ी",
        "ताजा गणना में मध्य प्रदेश के अभयारण्यों में अब तक सबसे अधिक बाघ गिने गए।",
    ),
    (
        "leopard-cubs",
        "india",
        "Female leopard gives birth at Bhopal zoo",
        "A female leopard gave birth to two cubs at the Van Vihar zoo in Bhopal.",
        "भोपाल चिड़ियाघर में मादा तेंदुए ने दो शावकों को जन्म दिया",
        "भोपाल के वन विहार चिड़ियाघर में एक मादा तेंदुए ने दो शावकों को जन्म दिया।",
    ),
    (
        "hindi-diwas",
        "india",
        "Schools celebrate Hindi Diwas",
        "Schools across the country celebrated Hindi Diwas with poetry and debates.",
        "स्कूलों में मनाया गया हिन्दी दिवस",
        "देशभर के स्कूलों में कविता और वाद-विवाद के साथ हिन्दी दिवस मनाया गया।",
    ),
    (
        "india-nepal",
        "world",
        "India and Nepal agree to strengthen relations",
        "India and Nepal agreed on new power lines and border roads to strengthen their relations.",
        "भारत और नेपाल ने सम्बन्ध मजबूत करने पर सहमति जताई",
        "भारत और नेपाल ने अपने सम्बन्धों को मजबूत करने के लिए नई बिजली लाइनों और सीमा सड़कों पर सहमति जताई।",
    ),
    (
        "privacy-law",
        "india",
        "Supreme Court asks for a data privacy law",
        "The Supreme Court asked Parliament to pass a law on data privacy within a year.",
        "सुप्रीम कोर्ट ने डेटा गोपनीयता पर नए क़ानून की मांग की",
        "सुप्रीम कोर्ट ने संसद से एक साल के भीतर डेटा गोपनीयता पर क़ानून पारित करने को कहा।",
    ),
    (
        "education-policy",
        "india",
        "New education policy brings mother tongue teaching",
        "Primary schools will teach in the mother tongue under the new education policy.",
        "नई शिक्षा नीति में मातृभाषा में पढ़ाई",
        "नई शिक्षा नीति के तहत प्राथमिक स्कूलों में मातृभाषा में पढ़ाई होगी।",
    ),
    (
        "ev-startup",
        "technology",
        "Bengaluru startup raises funding for electric scooters",
        "A Bengaluru startup raised 100 million dollars to build electric scooters.",
        "बेंगलुरु के स्टार्टअप ने इलेक्ट्रिक स्कूटर के लिए निवेश जुटाया",
        "बेंगलुरु के एक स्टार्टअप ने इलेक्ट्रिक स्कूटर बनाने के लिए 10 करोड़ डॉलर जुटाए।",
    ),
    (
        "gold-price",
        "business",
        "Gold price hits record before Diwali",
        "Gold prices rose to a record ahead of Diwali as demand for jewellery grew.",
        "दिवाली से पहले सोने का भाव रिकॉर्ड स्तर पर",
        "गहनों की मांग बढ़ने से दिवाली से पहले सोने के भाव रिकॉर्ड स्तर पर पहुंच गए।",
    ),
    (
        "onion-prices",
        "business",
        "Onion prices soar in Nashik markets",
        "Onion prices doubled in Nashik wholesale markets after unseasonal rain damaged crops.",
        "नासिक की मंडियों में प्याज के दाम आसमान पर",
        "बेमौसम बारिश से फसल खराब होने के बाद नासिक की थोक मंडियों में प्याज के दाम दोगुने हो गए।",
    ),
    (
        "kumbh-mela",
        "india",
        "Millions take a dip at Kumbh Mela in Prayagraj",
        "Millions of pilgrims bathed at the Sangam in Prayagraj on the main day of the Kumbh Mela.",
        "प्रयागराज कुंभ मेले में लाखों ने लगाई डुबकी",
        "कुंभ मेले के मुख्य स्नान पर्व पर प्रयागराज में संगम पर लाखों श्रद्धालुओं ने स्नान किया।",
    ),
    (
        "neeraj-gold",
        "sports",
        "Neeraj Chopra wins javelin gold",
        "Neeraj Chopra threw 89 metres to win the javelin gold medal.",
        "नीरज चोपड़ा ने भाला फेंक में स्वर्ण जीता",
        "नीरज चोपड़ा ने 89 मीटर भाला फेंककर स्वर्ण पदक जीता।",
    ),
    (
        "trump-tariffs",
        "world",
        "Trump announces new tariffs on Indian steel",
        "US President Donald Trump announced new tariffs on steel imports from India.",
        "ट्रंप ने भारतीय स्टील पर नए शुल्क की घोषणा की",
        "अमेरिकी राष्ट्रपति डोनाल्ड ट्रंप ने भारत से स्टील आयात पर नए शुल्क की घोषणा की।",
    ),
    (
        "zelensky-peace",
        "world",
        "Zelensky calls for peace talks",
        "Ukrainian President Volodymyr Zelensky called for peace talks and thanked India for "
        "humanitarian aid.",
        "ज़ेलेंस्की ने शांति वार्ता की अपील की",
        "यूक्रेन के राष्ट्रपति वोलोदिमीर ज़ेलेंस्की ने शांति वार्ता की अपील की और मानवीय सहायता "
        "के लिए भारत का धन्यवाद किया।",
    ),
    (
        "hyderabad-metro",
        "india",
        "Hyderabad metro extended to the airport",
        "The Hyderabad metro line will be extended to the airport by 2026.",
        "हैदराबाद मेट्रो हवाई अड्डे तक बढ़ेगी",
        "हैदराबाद मेट्रो लाइन को 2026 तक हवाई अड्डे तक बढ़ाया जाएगा।",
    ),
    (
        "kolkata-dengue",
        "india",
        "Dengue cases rise in Kolkata",
        "Hospitals in Kolkata reported a sharp rise in dengue cases after the monsoon.",
        "कोलकाता में डेंगू के मामले बढ़े",
        "मानसून के बाद कोलकाता के अस्पतालों में डेंगू के मामलों में तेज बढ़ोतरी दर्ज की गई।",
    ),
    (
        "yoga-day",
        "india",
        "Yoga Day celebrated at Kartavya Path",
        "Thousands joined the Prime Minister for International Yoga Day at Kartavya Path in Delhi.",
        "कर्तव्य पथ पर मनाया गया योग दिवस",
        "दिल्ली में कर्तव्य पथ पर हजारों लोगों ने प्रधानमंत्री के साथ अंतरराष्ट्रीय योग दिवस मनाया।",
    ),
    (
        "putin-energy-followup",
        "world",
        "Putin and Modi to meet again on energy deals",
        "A week after their phone call, Putin and Modi plan to meet on long-term oil and gas "
        "deals.",
        "ऊर्जा सौदों पर फिर मिलेंगे पुतिन और मोदी",
        "फोन पर बातचीत के एक सप्ताह बाद पुतिन और मोदी तेल और गैस के दीर्घकालिक सौदों पर "
        "मिलने की योजना बना रहे हैं।",
    ),
]
