package extract

// Word lists for recognition, written for newsgraph.

// commonCaps are words capitalised only because they open a sentence, a
// quote or a headline; a name never starts with one.
var commonCaps = setOf(
	"a", "an", "the", "this", "that", "these", "those", "there", "here", "it",
	"its", "he", "she", "his", "her", "they", "their", "them", "we", "our",
	"you", "your", "my", "me", "us", "who", "whom", "whose", "what", "which",
	"when", "where", "why", "how", "if", "then", "than", "so", "but", "and",
	"or", "nor", "yet", "not", "no", "yes", "as", "at", "by", "for", "from",
	"in", "into", "of", "on", "onto", "to", "with", "without", "within",
	"after", "before", "during", "since", "until", "while", "although",
	"though", "because", "despite", "however", "meanwhile", "moreover",
	"also", "still", "even", "just", "only", "both", "either", "neither",
	"all", "any", "some", "many", "most", "much", "more", "few", "several",
	"each", "every", "other", "another", "such", "one", "two", "three",
	"four", "five", "six", "seven", "eight", "nine", "ten", "first",
	"second", "third", "last", "next", "new", "former", "previously",
	"earlier", "later", "now", "today", "yesterday", "tomorrow", "tonight",
	"according", "about", "above", "across", "against", "along", "among",
	"around", "behind", "below", "beneath", "beside", "between", "beyond",
	"like", "unlike", "near", "over", "through", "throughout", "toward",
	"towards", "under", "upon", "via", "whether", "once", "instead",
	"indeed", "perhaps", "maybe", "many", "further", "furthermore",
	"additionally", "finally", "overall", "currently", "recently",
	"reportedly", "although", "keeping", "speaking", "asked", "following",
	"including", "breaking", "update", "updated", "exclusive", "watch",
	"read", "photo", "video", "image", "source", "sources", "editor",
	"note", "notes", "see", "why", "what's", "it's", "there's", "that's",
	"he's", "she's", "i'm", "we're", "they're", "don't", "doesn't",
	"didn't", "can't", "won't", "isn't", "wasn't", "aren't", "weren't",
	"mr", "mrs", "ms", "well", "oh", "please", "thanks", "thank",
	"ok", "okay", "let", "lets", "let's", "do", "does", "did", "is", "are",
	"was", "were", "be", "been", "has", "have", "had", "will", "would",
	"can", "could", "should", "may", "might", "must", "shall", "altogether",
	"nobody", "everyone", "everybody", "someone", "somebody", "anyone",
	"nothing", "everything", "something", "anything", "people", "officials",
)

// personTitles are titles and roles written before a person's name, lower
// case, one or more words ("prime minister").
var personTitles = setOf(
	"president", "vice president", "vice-president", "president-elect",
	"prime minister", "pm", "deputy prime minister", "chancellor", "premier",
	"king", "queen", "prince", "princess", "crown prince", "emperor",
	"empress", "pope", "sheikh", "sultan", "emir", "minister",
	"foreign minister", "defence minister", "defense minister",
	"interior minister", "finance minister", "health minister",
	"justice minister", "secretary", "secretary of state", "secretary-general",
	"secretary general", "senator", "sen.", "sen", "rep.", "representative",
	"congressman", "congresswoman", "governor", "gov.", "gov", "mayor",
	"judge", "justice", "chief justice", "general", "gen.", "gen", "admiral",
	"adm.", "colonel", "col.", "major", "maj.", "captain", "capt.",
	"lieutenant", "lt.", "sergeant", "sgt.", "commander", "ambassador",
	"speaker", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "prof.",
	"professor", "sir", "dame", "lord", "lady", "rev.", "reverend", "father",
	"bishop", "archbishop", "cardinal", "ayatollah", "imam", "rabbi",
	"chairman", "chairwoman", "chair", "ceo", "spokesman", "spokeswoman",
	"spokesperson", "detective", "inspector", "attorney general",
	"deputy", "mp", "lawmaker", "leader", "opposition leader", "chief",
	"coach", "director", "officer", "agent", "ruler", "dictator", "marshal",
	"supreme leader", "grand duke", "duke", "duchess", "baron", "count",
	"minority whip", "majority whip", "whip", "minority leader",
	"majority leader", "house speaker", "member of parliament", "advisor",
	"national security advisor", "national security adviser", "adviser",
	"first lady", "ex-president", "former president", "chief executive",
	"chief minister", "chief of staff", "elder",
)

// lowerTitles are role nouns that, written in lower case just before a
// capitalised name, say the name is a person's ("designer Tim Gunn").
var lowerTitles = setOf(
	"president", "minister", "senator", "congressman", "congresswoman",
	"governor", "mayor", "spokesman", "spokeswoman", "spokesperson", "leader",
	"chief", "director", "secretary", "ambassador", "general", "commander",
	"chairman", "chairwoman", "ceo", "founder", "co-founder", "journalist",
	"reporter", "correspondent", "editor", "columnist", "actor", "actress",
	"singer", "designer", "drummer", "guitarist", "musician", "rapper",
	"producer", "director", "writer", "author", "novelist", "poet", "artist",
	"player", "coach", "striker", "goalkeeper", "midfielder", "defender",
	"captain", "manager", "lawyer", "attorney", "judge", "professor",
	"scientist", "researcher", "economist", "analyst", "activist",
	"candidate", "lawmaker", "legislator", "official", "diplomat", "envoy",
	"prosecutor", "investigator", "detective", "officer", "soldier", "pilot",
	"astronaut", "champion", "driver", "cyclist", "boxer", "wrestler",
	"tennis", "golfer", "runner", "swimmer", "skier", "premier", "chancellor",
	"prince", "princess", "king", "queen", "pope", "bishop", "priest",
	"rabbi", "imam", "cleric", "doctor", "dr.", "surgeon", "nurse",
	"businessman", "businesswoman", "entrepreneur", "billionaire",
	"philanthropist", "comedian", "host", "presenter", "anchor", "blogger",
	"photographer", "filmmaker", "historian", "philosopher", "architect",
	"engineer", "inventor", "teenager", "student", "teacher", "resident",
	"victim", "suspect", "defendant", "witness", "survivor", "wife",
	"husband", "son", "daughter", "brother", "sister", "mother", "father",
	"uncle", "aunt", "nephew", "niece", "cousin", "grandson", "granddaughter",
	"colleague", "partner", "rival", "opponent", "challenger", "incumbent",
	"nominee", "appointee", "adviser", "advisor", "aide", "deputy",
	"successor", "predecessor", "counterpart", "chairperson", "mp", "mep",
	"dictator", "strongman", "warlord", "commissioner", "chef", "model",
)

// orgHeads are words that end an organisation's name ("Labour Party",
// "Defence Ministry") or start it before "of" ("Ministry of Defence").
var orgHeads = setOf(
	"Ministry", "Department", "Agency", "Council", "Party", "Army", "Police",
	"Court", "Parliament", "Congress", "Senate", "Commission", "Committee",
	"Bank", "Union", "Organization", "Organisation", "Corporation", "Corp",
	"Corp.", "Inc", "Inc.", "Ltd", "Ltd.", "LLC", "plc", "PLC", "GmbH", "AG",
	"Association", "Institute", "Institution", "University", "College",
	"Academy", "School", "Foundation", "Group", "Times", "News", "Post",
	"Airlines", "Airways", "Air", "Force", "Forces", "Navy", "Service",
	"Services", "Office", "Bureau", "Authority", "Assembly", "Federation",
	"League", "Front", "Movement", "Church", "Club", "Company", "Board",
	"Administration", "Guard", "Guards", "Corps", "Command", "Network",
	"Fund", "Trust", "Society", "Centre", "Center", "Tribunal", "Cabinet",
	"Brigade", "Regiment", "Division", "Battalion", "Coalition", "Alliance",
	"Caucus", "Chamber", "Secretariat", "Directorate", "Inspectorate",
	"Broadcasting", "Media", "Press", "Telegraph", "Herald", "Journal",
	"Gazette", "Tribune", "Magazine", "Records", "Studios", "Motors",
	"Industries", "Holdings", "Technologies", "Systems", "Pharmaceuticals",
	"Exchange", "Reserve", "Railways", "Railway", "Agency", "Ministries",
	"Forum", "Institute", "Observatory", "Laboratory", "Laboratories",
	"Labs", "Council", "Consortium", "Syndicate", "Cooperative", "Bloc",
	"Mission", "Embassy", "Consulate", "Legislature", "Duma", "Knesset",
	"Commonwealth", "Organisation", "Taskforce", "Unit", "Squad", "Team",
	"Orchestra", "Band", "Choir", "Hospital", "Clinic", "Museum", "Library",
	"Police", "Constabulary", "Prosecutor", "Prosecutors", "Secretariat",
	"Firm", "Bancorp", "Capital", "Partners", "Ventures", "Energy", "Oil",
	"Petroleum", "Gas", "Electric", "Telecom", "Communications",
	"Brotherhood", "Dynasty", "FC", "F.C.", "United", "Rangers",
)

// orgAlone are head words that name an organisation even alone, capitalised
// mid-sentence ("Parliament voted", "Congress passed").
var orgAlone = setOf("Parliament", "Congress", "Senate", "Duma", "Knesset",
	"Cabinet", "Legislature")

// notAcronyms are capitalised abbreviations that name no organisation.
var notAcronyms = setOf(
	"AM", "PM", "TV", "OK", "CEO", "CFO", "COO", "CTO", "GDP", "GMT", "UTC",
	"BST", "EST", "PST", "AIDS", "HIV", "COVID", "COVID-19", "SARS", "DNA",
	"RNA", "IQ", "ID", "PC", "USB", "AI", "IT", "PR", "HQ", "VIP", "MP", "MPs",
	"MEP", "MEPs", "DJ", "CD", "DVD", "UFO", "LGBT", "LGBTQ", "BC", "AD",
	"CE", "BCE", "D.C.", "DC", "II", "III", "IV", "VI", "VII", "VIII", "IX", "XI", "XII",
	"US", "UK", "EU", "UN", "NHS", "km", "KM", "MW", "GW", "KW", "GB", "MB",
	"TB", "FAQ", "RSS", "URL", "PDF", "API", "SMS", "GPS", "ATM", "SUV",
	"NB", "PS", "RIP", "ET", "PT", "CT", "MT", "ST", "EDT", "CDT", "MDT",
	"PDT", "CET", "CEST", "EET", "MSK", "IST", "JST", "AEST", "A", "I",
	"OMG", "LOL", "MVP", "NFT", "ESG", "IPO", "CPI", "VAT", "WWII", "WWI",
	"WW2", "WW1", "USD", "EUR", "GBP", "RUB", "JPY", "CNY", "HIV/AIDS",
	"A.M.", "P.M.", "No.", "PhD", "Ph.D.", "Q&A",
)
