"""A labelled set for "Similar presentations" (Liknande presentationer): decks, topics, decoys.

Decks on the same topic are related: each should find at least one of its partners among its
three most similar decks. They share distinctive vocabulary the way real related talks do —
specific nouns, names, acronyms, Swedish compounds in different inflections — but each has its
own angle. A few topics mix Swedish and English decks that share only names and acronyms. Some
related decks share a collection, tags or an uploader; others share nothing but their text.

Decoys (`decoy_of`) each have a topic of their own and imitate one other deck's language and
style, sharing only common words with it: function words and generic vocabulary ("projekt,
viktigt, år, nya, arbete, idag" / "project, important, year, new, work, today"). No decoy may
rank above a related deck. The slides also hold noise that must never be shown as a reason:
URLs, e-mail addresses, phone numbers, years, figures and slide-number lines.

All text was written for these tests: the places, organisations and people are invented, and
none of it is copied from real documents.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SimilarDeck:
    key: str  # unique, short, ascii
    topic: str  # decks with the same topic are related ("partners")
    language: str  # "sv" or "en"
    title: str
    slides: tuple[str, ...]  # one string per slide: title line, "\n", body lines
    tags: tuple[str, ...] = ()
    collection: str = ""  # conference or collection name, "" for none
    uploader: str = ""  # username, "" for anonymous
    decoy_of: str = ""  # for decoys: the key of the deck it imitates; its topic is unique


DECKS: tuple[SimilarDeck, ...] = (
    # Municipal cooperation (sv, one en deck sharing place names).
    SimilarDeck(
        key="samv_avtal",
        topic="samverkan",
        language="sv",
        title="Samverkansavtal mellan fem grannkommuner i Brandalsregionen",
        slides=(
            "Bakgrund\n"
            "Fem kommuner i Brandal har samarbetat informellt i mer än tjugo år.\n"
            "Nu formaliserar vi samverkan i ett gemensamt samverkansavtal.\n"
            "Avtalet gäller från 1 januari 2026 och omfattar cirka 48 000 invånare.",
            "Varför behövs ett avtal?\n"
            "Grannkommunerna har svårt att rekrytera specialister var för sig.\n"
            "Det gäller till exempel miljöinspektörer, kommunjurister och IT-säkerhet.\n"
            "Ett skriftligt avtal gör det tydligt vem som ansvarar för vad.",
            "Vad omfattas?\n"
            "Gemensam överförmyndarnämnd med säte i Kallvik.\n"
            "Gemensam IT-drift genom IT-nämnden, där Kallvik är värdkommun.\n"
            "Samordnad tillsyn inom miljö- och hälsoskydd.\n"
            "Ett kompetensnätverk för kommunjurister.",
            "Styrning\n"
            "Varje kommun utser en ledamot och en ersättare till samverkansrådet.\n"
            "Kommundirektörerna bildar styrgruppen och träffas sex gånger per år.\n"
            "Kostnaderna fördelas efter invånarantal den 1 november året före.",
            "Ekonomi\n"
            "Den gemensamma budgeten är 14,2 miljoner kronor för 2026.\n"
            "Kallvik står för 38 procent, Nordhem för 27 procent och övriga för resten.",
            "Risker\n"
            "Små kommuner kan känna att de förlorar inflytande.\n"
            "Därför kräver viktiga beslut enighet i samverkansrådet.\n"
            "Avtalet utvärderas efter tre år.",
            "Tidplan\n"
            "Mars: remiss till kommunstyrelserna.\n"
            "Juni: beslut i alla fem kommunfullmäktige.\n"
            "Hösten: vi rekryterar en samordnare för det nya arbetet.",
            "Kontakt\n"
            "Samordnare: kansli@kf-brl.se\n"
            "Läs mer på https://www.kf-brl.se/a/2026\n"
            "Telefon 0521-33 40 00",
        ),
        tags=("samverkan", "kommun"),
        collection="Kommundagarna 2025",
        uploader="kommunforbundet",
    ),
    SimilarDeck(
        key="samv_it",
        topic="samverkan",
        language="sv",
        title="Gemensam IT-nämnd i Brandal – tre år av samverkan",
        slides=(
            "Utgångsläget 2022\n"
            "Varje kommun hade en egen liten IT-avdelning med två till sex anställda.\n"
            "Sårbarheten var stor: en enda sjukskrivning kunde stoppa hela driften.\n"
            "Grannkommunerna köpte samma system men förhandlade var för sig.",
            "Beslutet\n"
            "Fem kommunfullmäktige beslutade att bilda en gemensam IT-nämnd.\n"
            "Kallvik är värdkommun och anställer all personal.\n"
            "Samverkansavtalet reglerar kostnader, ansvar och vad som händer vid utträde.",
            "Vad gör IT-nämnden?\n"
            "Drift av servrar, nätverk och e-post för alla fem kommuner.\n"
            "En gemensam servicedesk som har öppet 7–17 på vardagar.\n"
            "Samordnade licensavtal och gemensam informationssäkerhet.",
            "Resultat efter tre år\n"
            "Kostnaden per användare har minskat med 11 procent.\n"
            "Antalet driftstopp har halverats sedan 2022.\n"
            "Vi har rekryterat två säkerhetsspecialister som ingen kommun hade råd med ensam.",
            "Det som har varit svårt\n"
            "Olika arbetssätt i kommunerna tog tid att jämka ihop.\n"
            "Förtroendet mellan grannkommunerna måste byggas hela tiden.\n"
            "Vissa förvaltningar upplevde att servicen blev mer avlägsen.",
            "Lärdomar för andra kommuner\n"
            "Börja med tekniken, där vinsterna syns snabbt.\n"
            "Skriv samverkansavtalet tillsammans, inte på en konsults kontor.\n"
            "Låt kommundirektörerna äga frågan från början.",
            "Nästa steg\n"
            "Ett gemensamt e-arkiv under 2026.\n"
            "Vi utreder samverkan kring kartdata och GIS.",
            "Frågor?\nhttps://it.brlsam.se/om\nBild 8 av 8",
        ),
        tags=("samverkan", "it-drift"),
        collection="Kommundagarna 2025",
    ),
    SimilarDeck(
        key="samv_former",
        topic="samverkan",
        language="sv",
        title="Samverkansformer: förbund, gemensam nämnd eller avtal?",
        slides=(
            "Fyra vägar till samverkan\n"
            "Avtalssamverkan: en kommun utför en tjänst åt en annan.\n"
            "Gemensam nämnd: en värdkommun, men alla kommuner har ledamöter.\n"
            "Kommunalförbund: en egen juridisk person med egen budget.\n"
            "Gemensamt bolag: passar när verksamheten liknar näringsverksamhet.",
            "Exemplet Räddningstjänsten Brandal\n"
            "Räddningstjänstförbundet bildades 2009 av fyra grannkommuner.\n"
            "Ett förbund ger tydlig styrning men kräver en egen förbundsordning.\n"
            "Direktionen har två ledamöter per medlemskommun.",
            "När passar avtalssamverkan?\n"
            "När uppdraget är avgränsat och lätt att prissätta.\n"
            "Exempel: lönehantering, överförmyndare och bostadsanpassning.\n"
            "Avtalen bör ha en uppsägningstid på minst ett år.",
            "När passar en gemensam nämnd?\n"
            "När kommunerna vill ha politiskt inflytande över verksamheten.\n"
            "IT-nämnden med Kallvik som värdkommun är ett bra exempel.",
            "Juridiska ramar\n"
            "Kommunallagen tillåter avtalssamverkan mellan kommuner sedan 2018.\n"
            "Reglerna om offentlig upphandling kan ändå gälla i vissa fall.\n"
            "Fråga alltid kommunjuristen innan ni skriver under.",
            "Vanliga fallgropar\n"
            "Otydlig kostnadsfördelning mellan kommunerna.\n"
            "Ingen plan för utträde.\n"
            "Samverkan som bara bygger på personliga relationer mellan kommundirektörer.",
            "Sammanfattning\n"
            "Välj samverkansform efter uppdraget, inte tvärtom.\n"
            "Samverkansrådet i Brandal hjälper gärna andra kommuner som vill börja.",
        ),
        tags=("samverkan", "räddningstjänst"),
        uploader="kommunforbundet",
    ),
    SimilarDeck(
        key="samv_en",
        topic="samverkan",
        language="en",
        title="Five municipalities, one IT board: inter-municipal cooperation in Brandal",
        slides=(
            "Where is Brandal?\n"
            "A rural region in western Sweden with five small municipalities.\n"
            "Kallvik is the largest, with about 18,000 inhabitants.\n"
            "Together the municipalities have roughly 48,000 residents.",
            "The problem\n"
            "Each municipality struggled to recruit specialists on its own.\n"
            "Small IT departments were fragile and expensive.\n"
            "Neighbouring municipalities bought the same systems but negotiated separately.",
            "Samverkan: the Swedish word for it\n"
            "Swedish local government law allows several forms of cooperation.\n"
            "In Brandal we use a joint IT committee hosted by Kallvik.\n"
            "A written cooperation agreement sets out costs, duties and how to leave.",
            "Governance\n"
            "The five chief executives form the steering group.\n"
            "A cooperation council with one politician per municipality takes the big decisions.\n"
            "Costs are shared by population, so Kallvik pays 38 per cent and Nordhem 27.",
            "Results after three years\n"
            "IT costs per user are down 11 per cent.\n"
            "Half as many outages as in 2022.\n"
            "Two security specialists hired that no municipality could afford alone.",
            "Lessons\n"
            "Start with IT and other technical services, where benefits show quickly.\n"
            "Write the agreement together with all municipalities in the room.\n"
            "Trust between neighbouring municipalities must be maintained constantly.",
            "Contact\n"
            "Slides: https://www.nlgf.eu/2025/brl\n"
            "Questions are welcome after the session.",
        ),
        tags=("municipal cooperation",),
        collection="Nordic Local Government Forum 2025",
    ),
    # School meals (sv).
    SimilarDeck(
        key="skolmat_svinn",
        topic="skolmat",
        language="sv",
        title="Matsvinn i skolrestaurangerna – vad har vi lärt oss?",
        slides=(
            "Varför mäter vi matsvinn?\n"
            "Varje dag lagar kostenheten cirka 4 200 skolluncher i Hallby.\n"
            "Under 2024 slängde vi i genomsnitt 38 gram mat per portion.\n"
            "Det motsvarar ungefär 30 ton mat om året, vilket är viktigt att minska.",
            "Så mäter vi\n"
            "Tallrikssvinnet vägs i varje skolrestaurang under två veckor per termin.\n"
            "Serveringssvinn och kökssvinn vägs separat.\n"
            "Eleverna ser resultatet på en skärm vid diskinlämningen.",
            "Det här fungerade\n"
            "Mindre tallrikar i lågstadiet.\n"
            "Smakskedar när vi serverar en ny rätt.\n"
            "Att kockarna går runt i matsalen och pratar med eleverna under lunchen.",
            "Det här fungerade sämre\n"
            "Affischer om matsvinn märktes knappt.\n"
            "Tävlingar mellan klasser gav bara tillfälliga effekter.",
            "Resultat\n"
            "Tallrikssvinnet minskade från 38 till 26 gram per portion på ett år.\n"
            "Serveringssvinnet är fortfarande högt på fredagar.\n"
            "Vi har gjort ett bra arbete tillsammans, men projektet är inte klart.",
            "Nästa år\n"
            "Bättre prognoser för hur många elever som äter varje dag.\n"
            "Skolrestaurangerna ska planera menyn tillsammans.\n"
            "Vi vill testa att servera rester som en extra rätt dagen efter.",
            "Tack!\nFrågor till kostenheten: 0523-61 00 00\nwww.hkost.se/s24",
        ),
        tags=("skolmat", "matsvinn"),
        uploader="kostenheten",
    ),
    SimilarDeck(
        key="skolmat_lokal",
        topic="skolmat",
        language="sv",
        title="Närproducerade råvaror i skolmaten",
        slides=(
            "Målet\n"
            "Kommunfullmäktige vill att 40 procent av livsmedlen i skolmaten ska vara "
            "närproducerade 2027.\n"
            "Idag ligger vi på 22 procent.\n"
            "Samtidigt får kostnaden per portion inte öka mer än inflationen.",
            "Vad räknas som närproducerat?\n"
            "Producerat inom 25 mil från köket.\n"
            "Vi räknar mejeriprodukter, kött, potatis, rotfrukter och bröd.\n"
            "Fisk och frukt är svårare att hitta lokalt.",
            "Livsmedelsupphandlingen\n"
            "Vi delar upp upphandlingen av livsmedel i mindre delar.\n"
            "Små leverantörer kan lämna anbud på bara potatis eller bara ägg.",
            "Säsongsanpassad meny\n"
            "Rotfrukter och kål på hösten, mer grönsaker från växthus på våren.\n"
            "Menyn i skolrestaurangerna planeras nu fyra veckor i taget.\n"
            "Kockarna har fått utbildning i att laga mat från grunden.",
            "Elevernas reaktioner\n"
            "Rotfruktsgratängen blev en överraskande favorit bland eleverna.\n"
            "Bönbiffarna behöver arbetas om.\n"
            "Matrådet på varje skola provsmakar nya rätter innan de kommer på menyn.",
            "Utmaningar\n"
            "Leveranser från små gårdar kräver mer planering i köket.\n"
            "Priserna på närproducerat kött har ökat kraftigt sedan 2022.\n"
            "Mindre matsvinn har gett utrymme i budgeten för dyrare råvaror.",
            "Nästa steg\n"
            "Samarbete med lantbrukare om odling av baljväxter till skolmaten.\n"
            "En gemensam mjölkleverantör för alla skolrestauranger i Hallby.",
        ),
        tags=("skolmat", "livsmedel"),
        uploader="kostenheten",
    ),
    SimilarDeck(
        key="skolmat_elev",
        topic="skolmat",
        language="sv",
        title="Elevernas röst om skollunchen – enkät och matråd",
        slides=(
            "Varför fråga eleverna?\n"
            "Skollunchen är en del av skoldagen, inte en paus från den.\n"
            "Elever som äter ordentligt orkar mer på eftermiddagen.\n"
            "Vi vill veta varför vissa elever hoppar över lunchen.",
            "Enkäten\n"
            "1 850 elever i årskurs 4–9 svarade hösten 2024.\n"
            "Frågor om smak, miljön i matsalen, köer och tid att äta.",
            "Vad eleverna tycker\n"
            "72 procent är nöjda med maten i skolrestaurangen.\n"
            "Många tycker att det är för stökigt och högljutt i matsalen.\n"
            "Var tredje elev säger att tiden för lunchen är för kort.",
            "Matråden\n"
            "Varje skola har ett matråd med elever, kockar och en lärare.\n"
            "Matrådet träffas fyra gånger per termin och provsmakar nya rätter.\n"
            "Förslag från matråden har gett en salladsbar och fler vegetariska rätter på menyn.",
            "Det vi ändrar\n"
            "Lunchen läggs så att alla får minst 20 minuter vid bordet.\n"
            "Ljuddämpande plattor i tre matsalar.\n"
            "Kockarna och måltidsbiträdena får utbildning i bemötande.",
            "Kostenheten och rektorerna\n"
            "Rektorerna ansvarar för lunchtiderna, kostenheten för maten.\n"
            "Vi följer upp matsvinnet per skola och skolrestaurang.",
            "Enkäten görs igen\n"
            "Nästa mätning våren 2026.\n"
            "Resultaten presenteras för varje skolas matråd.\n"
            "5 (7)",
        ),
        tags=("skola",),
    ),
    # Winter road maintenance (sv, one en deck sharing Granvik, VViS, GPS).
    SimilarDeck(
        key="vinter_plog",
        topic="vinter",
        language="sv",
        title="Snöröjning i Granvik: prioriteringar och plogordning",
        slides=(
            "Vem ansvarar för vad?\n"
            "Kommunen plogar cirka 320 km gator och 140 km gång- och cykelvägar.\n"
            "Statliga vägar sköts av Trafikverket, enskilda vägar av vägföreningarna.\n"
            "Fastighetsägare ansvarar för trottoaren utanför sin tomt i centrum.",
            "Plogordningen\n"
            "Prioritet 1: huvudgator, bussgator och vägar till sjukhuset.\n"
            "Prioritet 2: gång- och cykelvägar till skolor och hållplatser.\n"
            "Prioritet 3: villagator och industriområden.",
            "När plogar vi?\n"
            "Utryckning vid 5 cm snö på prioriterade gator och 10 cm på villagator.\n"
            "Plogbilarna ska vara klara med prioritet 1 inom fyra timmar efter snöfallets slut.",
            "Entreprenörer och plogbilar\n"
            "Vi har 14 plogbilar, varav 9 körs av upphandlade entreprenörer.\n"
            "Alla plogbilar har GPS sedan vintern 2023.\n"
            "Förarna har beredskap från november till mars.",
            "Snövallar och bortforsling\n"
            "Snövallar vid korsningar sänks för att förbättra sikten.\n"
            "Snö från centrum körs till snötippen vid gamla hamnen.",
            "Gång- och cykelvägar\n"
            "Gång- och cykelvägar plogas med mindre traktorer.\n"
            "Vid snöfall på natten ska vägarna till skolorna vara klara före klockan sju.\n"
            "Trottoarer i centrum sandas samma dag som de plogas.",
            "Vanliga klagomål\n"
            "Plogvallar framför infarter.\n"
            "Att villagatan plogades sist.\n"
            "Vi förstår frustrationen, men prioriteringarna är politiskt beslutade.",
            "Kontakt\nFelanmälan: 0470-41 00 00 eller e.holm@gvk.se\nBild 7 av 7",
        ),
        tags=("snöröjning", "gator"),
        uploader="granvik_gatukontor",
    ),
    SimilarDeck(
        key="vinter_halka",
        topic="vinter",
        language="sv",
        title="Halkbekämpning med sand, salt och saltlake",
        slides=(
            "Varför halkbekämpning?\n"
            "De flesta fallolyckor bland fotgängare sker vintertid.\n"
            "En fallolycka kostar samhället i genomsnitt 160 000 kronor.\n"
            "Bra halkbekämpning är därför en viktig folkhälsofråga.",
            "Sand eller salt?\n"
            "Salt används på huvudgator och bussgator i Granvik.\n"
            "Sand och flis används på gång- och cykelvägar och villagator.\n"
            "Saltlake sprids förebyggande när temperaturen pendlar kring noll.",
            "Väderstationer och VViS\n"
            "Vägväderstationer mäter yttemperatur, luftfuktighet och nederbörd.\n"
            "Data från VViS används för att bestämma när plogbilar och saltbilar ska ut.\n"
            "Vi har lagt till två egna väderstationer vid broarna.",
            "Sopsaltning av cykelvägar\n"
            "Sedan 2021 sopsaltas de viktigaste cykelstråken.\n"
            "Snön sopas bort och vägbanan behandlas med saltlake.\n"
            "Fler cyklar nu året om, även i januari.",
            "Skolor och äldreboenden\n"
            "Entréer till skolor, vårdcentraler och äldreboenden prioriteras vid halka.\n"
            "Invånare kan hämta sand i hinkar vid återvinningscentralen.\n"
            "Felanmälan om halka tas emot dygnet runt.",
            "Miljöpåverkan\n"
            "Saltet påverkar träd, grundvatten och fordon.\n"
            "Vi doserar efter väderprognosen och har minskat saltmängden med 15 procent.",
            "Uppföljning\n"
            "Sanden sopas upp i april och återanvänds delvis.\n"
            "Entreprenörerna rapporterar varje utryckning via GPS i plogbilarna.",
            "Entreprenörer\n"
            "Hälften av sandningen och saltningen görs av upphandlade entreprenörer.\n"
            "Avtalen ställer krav på responstid och dokumentation via GPS.",
        ),
        tags=("halkbekämpning",),
        uploader="granvik_gatukontor",
    ),
    SimilarDeck(
        key="vinter_en",
        topic="vinter",
        language="en",
        title="Winter road maintenance in Granvik: GPS, VViS and open snow maps",
        slides=(
            "Granvik in numbers\n"
            "A town of 36,000 people in central Sweden with 320 km of municipal streets.\n"
            "On average 110 days a year with snow on the ground.\n"
            "14 snowplough trucks, 9 of them run by contractors.",
            "Priorities\n"
            "Main streets, bus routes and the road to the hospital come first.\n"
            "Next are cycle paths to schools, then residential streets.\n"
            "Ploughing starts at 5 cm of snow on priority routes.",
            "GPS in every plough\n"
            "Since winter 2023 every plough and salt truck reports its position.\n"
            "Residents can see on a live map when their street was last ploughed.\n"
            "Complaints to the call centre fell by a third.",
            "VViS road weather stations\n"
            "The national VViS network measures surface temperature and humidity.\n"
            "Granvik added two local stations at the bridges.\n"
            "Salting now starts before the ice forms, not after.",
            "Sweeping and brine on cycle paths\n"
            "Main cycle routes are swept and treated with brine instead of grit.\n"
            "Winter cycling has grown by 40 per cent on those routes.",
            "Salt and the environment\n"
            "Salt use is down 15 per cent thanks to better dosing.\n"
            "Grit and sand are swept up in April and partly reused.",
            "Lessons for other towns\n"
            "Publish the ploughing priorities so residents know what to expect.\n"
            "Let the GPS data speak: it settles many arguments about when a street was cleared.",
            "Thank you\nMore: https://www.nwr-conf.org/t/17\nQuestions: e.holm@gvk.se",
        ),
        tags=("winter maintenance",),
        collection="Nordic Winter Roads 2025",
    ),
    # Library digitalisation (sv).
    SimilarDeck(
        key="bib_emedia",
        topic="bibliotek",
        language="sv",
        title="E-böcker och e-ljudböcker på folkbiblioteken",
        slides=(
            "E-medier ökar\n"
            "Utlåningen av e-ljudböcker har fördubblats sedan 2020.\n"
            "Var fjärde lån på folkbiblioteken i länet är nu digitalt.\n"
            "Pappersboken är ändå fortfarande vanligast bland barn.",
            "Hur fungerar e-lånen?\n"
            "Låntagaren loggar in med lånekort och pinkod i appen.\n"
            "Biblioteket betalar leverantören för varje lån.\n"
            "Därför har vi ett tak på tre e-lån per vecka och låntagare.",
            "Kostnaderna\n"
            "E-medierna tar nu 30 procent av mediebudgeten.\n"
            "Varje e-ljudbok kostar biblioteket mellan 15 och 30 kronor per lån.\n"
            "Vi måste prioritera mellan e-medier och tryckta böcker.",
            "Vilka lånar digitalt?\n"
            "Pendlare, äldre med nedsatt syn och personer med dyslexi.\n"
            "Unga vuxna lånar e-ljudböcker men sällan e-böcker.",
            "Digital delaktighet\n"
            "Bibliotekarierna hjälper låntagare att komma igång med appen.\n"
            "Drop-in på biblioteket varje onsdag för den som behöver hjälp.",
            "Läsfrämjande och e-medier\n"
            "Barn som lyssnar på e-ljudböcker läser ofta mer, inte mindre.\n"
            "Vi tipsar om e-böcker i sommarlovsprogrammet för barn.\n"
            "Skolbiblioteken och folkbiblioteken samarbetar om lästips.",
            "Frågor för framtiden\n"
            "Ska folkbiblioteken i länet upphandla e-medier tillsammans?\n"
            "Hur påverkar e-lånen läsfrämjandet bland barn?",
            "Tack\n"
            "Presentationen finns på www.bibl-reg.se/e25\n"
            "Frågor till regionbiblioteket, telefon 019-602 10 00",
        ),
        tags=("bibliotek", "e-medier"),
        collection="Biblioteksdagarna 2025",
    ),
    SimilarDeck(
        key="bib_meroppet",
        topic="bibliotek",
        language="sv",
        title="Meröppet bibliotek och digital delaktighet på landsbygden",
        slides=(
            "Vad är meröppet?\n"
            "Biblioteket är öppet utan personal på kvällar och helger.\n"
            "Låntagaren går in med lånekort och pinkod.\n"
            "Självbetjäningsautomaten sköter utlån och återlämning.",
            "Varför meröppet?\n"
            "Filialbiblioteken i byarna hade bara öppet sex timmar i veckan.\n"
            "Nu har de öppet 7–22 varje dag.\n"
            "Besöken har ökat med 60 procent på ett år.",
            "Trygghet och säkerhet\n"
            "Kameror vid entrén och en larmknapp.\n"
            "Barn under 15 år får bara besöka biblioteket med en vuxen under meröppettiden.\n"
            "Inga allvarliga incidenter under de första två åren.",
            "Bibliotekariernas roll\n"
            "Bemannade timmar används till läsfrämjande och vägledning.\n"
            "Bibliotekarierna har mer tid för digital delaktighet.\n"
            "Vi hjälper äldre med BankID, e-tjänster och appen för e-böcker.",
            "Så gick införandet\n"
            "Vi började med filialbiblioteket i Lönnfors 2023.\n"
            "Låntagarna fick en introduktion innan de fick tillgång till meröppet.\n"
            "Över 900 låntagare har nu aktiverat meröppet på sina lånekort.",
            "Utmaningar\n"
            "Alla vill inte låna utan personal.\n"
            "Tekniken i de äldre filialbiblioteken är inte alltid pålitlig.",
            "Nästa steg\n"
            "Meröppet i ytterligare två filialer under 2026.\n"
            "Samverkan med folkbiblioteken i länet kring gemensamma lånekort.",
        ),
        tags=("bibliotek", "meröppet"),
        collection="Biblioteksdagarna 2025",
    ),
    SimilarDeck(
        key="bib_plan",
        topic="bibliotek",
        language="sv",
        title="Biblioteksplan 2026–2029: läsfrämjande och digitalisering",
        slides=(
            "Vad är en biblioteksplan?\n"
            "Bibliotekslagen kräver att varje kommun har en biblioteksplan.\n"
            "Planen omfattar folkbiblioteket, skolbiblioteken och filialerna.\n"
            "Kultur- och fritidsnämnden beslutar om planen.",
            "Biblioteken i siffror\n"
            "Folkbiblioteket och fem filialbibliotek har tillsammans 310 000 besök per år.\n"
            "Utlåningen var 240 000 lån under 2024, varav en fjärdedel e-medier.\n"
            "Antalet aktiva låntagare har ökat med 8 procent.",
            "Läsfrämjande för barn och unga\n"
            "Bokstart för familjer med små barn.\n"
            "Skolbibliotek med utbildad bibliotekarie på alla skolor.\n"
            "Sommarboken för barn i årskurs 1–6.",
            "Skolbiblioteken\n"
            "Varje skola ska ha tillgång till ett bemannat skolbibliotek.\n"
            "Skolbibliotekarierna samarbetar med lärarna om läsfrämjande.\n"
            "Folkbiblioteket stödjer skolbiblioteken med bokdepositioner.",
            "Digitalisering\n"
            "Fler e-medier men med ett tak för kostnaderna.\n"
            "Digital delaktighet: vägledning för äldre och nyanlända.\n"
            "Bibliotekarierna håller kurser i digitala tjänster och e-legitimation.\n"
            "Lokalhistoriska samlingar digitaliseras och blir sökbara.",
            "Meröppna bibliotek\n"
            "Alla filialbibliotek ska vara meröppna senast 2028.\n"
            "Bemannade timmar används till programverksamhet.",
            "Uppföljning\n"
            "Utlåning, besök och antal låntagare följs upp varje år.\n"
            "En användarundersökning görs vartannat år.",
            "Tidplan\n"
            "Remiss under våren 2025.\n"
            "Beslut i kommunfullmäktige i december 2025.\n"
            "Kontakt: a.lindgren@vbk.se",
        ),
        tags=("biblioteksplan",),
    ),
    # Climate adaptation and flooding (sv, one en deck sharing Torslund, Vikhamn, SMHI).
    SimilarDeck(
        key="klimat_skyfall",
        topic="klimat",
        language="sv",
        title="Skyfallskartering i Torslund",
        slides=(
            "Varför en skyfallskartering?\n"
            "Skyfallet i augusti 2021 gav 90 mm regn på två timmar.\n"
            "Över 400 källare översvämmades och två vägar stängdes.\n"
            "Kartering visar var vattnet tar vägen när ledningsnätet inte räcker.",
            "Metoden\n"
            "Vi har simulerat ett 100-årsregn med en hydraulisk modell.\n"
            "Modellen bygger på höjddata från Lantmäteriet och ledningsnätets kapacitet.\n"
            "Klimatfaktorn 1,25 enligt SMHI:s rekommendationer.",
            "Resultatet\n"
            "Kartan visar lågpunkter, instängda områden och flödesvägar.\n"
            "Vikhamn och delar av centrum är mest utsatta.\n"
            "Flera förskolor ligger inom riskområden.",
            "Så används kartan\n"
            "I detaljplaner: ny bebyggelse får inte placeras i lågpunkter.\n"
            "Vid ombyggnad av gator skapas ytor som kan översvämmas säkert.\n"
            "Räddningstjänsten använder kartan i sin planering tillsammans med MSB:s vägledning.",
            "Begränsningar\n"
            "Modellen säger inget om exakt hur djupt vattnet blir i varje källare.\n"
            "Brunnar som är igensatta av löv syns inte i modellen.",
            "Samarbete\n"
            "Skyfallskarteringen har tagits fram av VA-bolaget, stadsbyggnad och "
            "räddningstjänsten.\n"
            "Klimatanpassningen samordnas i en arbetsgrupp som träffas varje månad.\n"
            "Länsstyrelsen har granskat underlaget.",
            "Nästa steg\n"
            "Skyfallsplan med åtgärder för Vikhamn 2026.\n"
            "Kartan publiceras öppet så att fastighetsägare kan se sin risk.\n"
            "Kontakt: p.wallin@tslkn.se",
        ),
        tags=("klimatanpassning", "skyfall"),
        uploader="torslund_miljo",
    ),
    SimilarDeck(
        key="klimat_vikhamn",
        topic="klimat",
        language="sv",
        title="Översvämningar i Vikhamn: åtgärder för de kommande 50 åren",
        slides=(
            "Vikhamn idag\n"
            "Vikhamn ligger lågt mellan ån och havet.\n"
            "Här bor cirka 2 300 personer och här finns hamnen och reningsverket.\n"
            "Högvatten i havet och höga flöden i ån samtidigt är den stora risken.",
            "Klimatet förändras\n"
            "SMHI räknar med högre havsnivåer och kraftigare skyfall.\n"
            "Ett 100-årsflöde i ån kan bli vanligare redan till 2050.\n"
            "Klimatanpassning av Vikhamn är därför en av kommunens viktigaste frågor.",
            "Tre typer av översvämningar\n"
            "Kustöversvämning när havet stiger vid storm.\n"
            "Översvämning från ån efter snösmältning och långvarigt regn.\n"
            "Skyfall när dagvattnet inte hinner rinna undan.",
            "Åtgärder som prövas\n"
            "Vallar och en flyttbar barriär längs kajen.\n"
            "Översvämningsytor uppströms, där ån får svämma över åkermark.\n"
            "Höjda marknivåer när kvarteren vid hamnen byggs om.",
            "Reningsverket\n"
            "Reningsverket är den mest sårbara anläggningen i Vikhamn.\n"
            "Ett nytt reningsverk på högre mark utreds tillsammans med VA-bolaget.",
            "Kostnader och ansvar\n"
            "Staten kan ge bidrag via MSB för förebyggande åtgärder.\n"
            "Fastighetsägare ansvarar för att skydda sina egna byggnader.",
            "Tidplan\n"
            "Åtgärdsutredningen ska vara klar 2026.\n"
            "Beslut om vallar och barriär i kommunfullmäktige 2027.\n"
            "Byggstart tidigast 2028.",
            "Dialog med invånarna\n"
            "Öppet hus i Vikhamn den 12 mars klockan 18.00.\n"
            "Synpunkter på www.tslkn.se/v50",
        ),
        tags=("klimatanpassning", "översvämning"),
        uploader="torslund_miljo",
    ),
    SimilarDeck(
        key="klimat_dagvatten",
        topic="klimat",
        language="sv",
        title="Klimatanpassad dagvattenhantering i nya bostadsområden",
        slides=(
            "Problemet\n"
            "Hårda ytor gör att regnvatten rinner av snabbt.\n"
            "Ledningsnätet är byggt för dagens regn, inte för framtidens skyfall.\n"
            "Översvämmade källare kostar försäkringsbolagen miljarder varje år.",
            "Principer\n"
            "Ta hand om dagvattnet lokalt där det är möjligt.\n"
            "Fördröj, rena och led vattnet ovan mark vid skyfall.\n"
            "Planera ytor som tål att översvämmas tillfälligt.",
            "Exempel från Torslund\n"
            "Regnbäddar längs gatorna i det nya området Norra Torslund.\n"
            "Gröna tak på förskolan och parkeringshuset.\n"
            "En park som fungerar som översvämningsyta vid 100-årsregn.",
            "Detaljplanen\n"
            "Dagvattenutredning krävs tidigt i varje detaljplan.\n"
            "Skyfallskarteringen visar var det inte går att bygga.\n"
            "Höjdsättningen av gator och tomter styr var vattnet tar vägen.",
            "Drift och underhåll\n"
            "Regnbäddar behöver rensas från skräp och löv två gånger per år.\n"
            "Driften måste få pengar redan när området planeras.",
            "Kostnader\n"
            "Lösningar ovan mark är ofta billigare än större ledningar.\n"
            "Skyfallsytor i parker kostar lite extra men ger stora värden för invånarna.\n"
            "Kostnaden delas mellan VA-bolaget och kommunen.",
            "Erfarenheter\n"
            "Dagvattenlösningar ovan mark blir ofta uppskattade parker.\n"
            "Samarbetet mellan planerare, VA-ingenjörer och landskapsarkitekter är avgörande.\n"
            "3/7",
        ),
        tags=("dagvatten", "klimatanpassning"),
    ),
    SimilarDeck(
        key="klimat_en",
        topic="klimat",
        language="en",
        title="Cloudbursts, rivers and rising seas: climate adaptation in Torslund",
        slides=(
            "Torslund at a glance\n"
            "A coastal municipality of 41,000 people on the Swedish west coast.\n"
            "The district of Vikhamn lies low between the river and the sea.",
            "The 2021 cloudburst\n"
            "90 mm of rain fell in two hours in August 2021.\n"
            "More than 400 basements were flooded.\n"
            "It changed how the municipality thinks about flood risk.",
            "Cloudburst mapping\n"
            "A hydraulic model of a 100-year rain with a climate factor of 1.25, as SMHI "
            "recommends.\n"
            "The map shows low points, enclosed areas and flow paths.\n"
            "It now guides every new detailed development plan.",
            "Vikhamn: three kinds of flooding\n"
            "Storm surges from the sea, high river flows, and cloudbursts.\n"
            "The worst case is all three at once.\n"
            "Options include embankments, a movable barrier and raising ground levels.",
            "Nature-based solutions\n"
            "Rain gardens, green roofs and a park designed to flood safely.\n"
            "Upstream farmland can store river water during floods.",
            "Funding\n"
            "National grants via MSB cover part of the cost.\n"
            "Property owners still protect their own buildings.",
            "Lessons\n"
            "Make flood maps public so property owners understand their risk.\n"
            "Plan space for water early, before streets and buildings are fixed.\n"
            "Climate adaptation is a long project: decisions made today shape Vikhamn for a "
            "century.",
            "Questions\np.wallin@tslkn.se\nMaps and reports: www.tslkn.se/v50",
        ),
        tags=("climate adaptation", "flooding"),
        collection="European Urban Resilience Conference 2025",
    ),
    # Home-care scheduling (sv): no shared tags, collection or uploader.
    SimilarDeck(
        key="hemtj_schema",
        topic="hemtjanst",
        language="sv",
        title="Schemaläggning i hemtjänsten med digitalt planeringsstöd",
        slides=(
            "Utgångsläget\n"
            "Hemtjänsten i Stenvreten har 640 brukare och 310 medarbetare.\n"
            "Planeringen gjordes i kalkylblad och på whiteboardtavlor.\n"
            "Samordnarna lade tre timmar om dagen på att pussla med besöken.",
            "Vad vi ville uppnå\n"
            "Färre olika medarbetare hos varje brukare.\n"
            "Rimlig restid mellan besöken.\n"
            "Scheman som tar hänsyn till kompetens, till exempel delegering av läkemedel.",
            "Det digitala planeringsstödet\n"
            "Besöken läggs in med tidsfönster och insatser från biståndsbeslutet.\n"
            "Systemet föreslår ett schema som samordnaren justerar.\n"
            "Medarbetarna ser sina besök i mobilen och kvitterar på plats.",
            "Resultat efter ett år\n"
            "Planeringstiden har halverats för samordnarna.\n"
            "Kontinuiteten har förbättrats: i snitt 12 olika medarbetare per brukare på 14 "
            "dagar, tidigare 16.\n"
            "Restiden har minskat med 8 procent.",
            "Svårigheter\n"
            "Alla besök går inte att planera: akuta ärenden kommer hela tiden.\n"
            "Systemet förstår inte relationer, till exempel vilken brukare som behöver samma "
            "person.\n"
            "Äldre medarbetare behövde mer stöd med mobilen.",
            "Lärdomar\n"
            "Involvera undersköterskorna tidigt i införandet.\n"
            "Det viktigaste i projektet var att ge medarbetarna tid att lära sig det nya "
            "arbetssättet.\n"
            "Börja i en hemtjänstgrupp och sprid sedan till övriga.",
            "Kontakt\nVerksamhetsutvecklare: 08-555 123 40\nBild 7 av 7",
        ),
    ),
    SimilarDeck(
        key="hemtj_kont",
        topic="hemtjanst",
        language="sv",
        title="Kontinuitet i hemtjänsten: färre personal per brukare",
        slides=(
            "Varför kontinuitet?\n"
            "Äldre som får hjälp av samma personal känner sig tryggare.\n"
            "Kontinuiteten är ett av Socialstyrelsens viktigaste kvalitetsmått.\n"
            "Rikssnittet är 16 olika medarbetare på 14 dagar.\n"
            "Kontinuiteten mäts som antalet olika medarbetare som besöker brukaren.",
            "Vårt mål\n"
            "Högst 10 olika medarbetare per brukare under en tvåveckorsperiod.\n"
            "Varje brukare ska ha en kontaktperson bland undersköterskorna.",
            "Så arbetar vi\n"
            "Mindre hemtjänstgrupper med egna geografiska områden.\n"
            "Kontaktpersonen gör genomförandeplanen tillsammans med brukaren.\n"
            "Samordnaren planerar schemat med kontinuitet som första prioritet.",
            "Digitalt stöd\n"
            "Planeringssystemet visar hur många medarbetare varje brukare har mött.\n"
            "Samordnaren får en varning när en brukare riskerar att få för många nya ansikten.",
            "Resultat i Stenvreten\n"
            "Från 16 till 11 medarbetare i snitt på ett år.\n"
            "Nöjdheten med hemtjänsten ökade i Socialstyrelsens brukarundersökning.\n"
            "Sjukfrånvaron bland personalen minskade något.",
            "Undersköterskornas erfarenheter\n"
            "Det är lättare att märka när en brukare blir sämre om man träffas ofta.\n"
            "Brukarna berättar mer för någon de känner.\n"
            "Samtidigt kan det vara tungt att alltid ha samma krävande besök.",
            "Det som fortfarande är svårt\n"
            "Semesterperioder och vikarier.\n"
            "Brukare med dubbelbemanning och många besök per dygn.",
            "Framåt\n"
            "Heltidsresan gör det lättare att bemanna med fast personal.\n"
            "Vi fortsätter att mäta kontinuiteten varje månad.",
        ),
    ),
    SimilarDeck(
        key="hemtj_rutt",
        topic="hemtjanst",
        language="sv",
        title="Ruttplanering och restid i hemtjänsten på landsbygden",
        slides=(
            "Långa avstånd\n"
            "Hemtjänstgruppen i norra Stenvreten täcker 900 kvadratkilometer.\n"
            "Upp till 40 procent av arbetstiden går åt till att köra bil.\n"
            "Restiden mellan besöken påverkar både kostnader och arbetsmiljö.",
            "Optimerad ruttplanering\n"
            "Planeringssystemet räknar ut rutter med hänsyn till vägar och tidsfönster.\n"
            "Besök som inte är tidsbundna flyttas för att korta körsträckan.\n"
            "Samordnaren godkänner förslaget innan det skickas till medarbetarnas mobiler.",
            "Elbilar i hemtjänsten\n"
            "Bilparken byts successivt ut mot elbilar.\n"
            "Laddning planeras in i schemat vid lunch och vid gruppens lokal.\n"
            "Räckvidden räcker nästan alltid, men inte på vintern i minusgrader.",
            "Larm och oplanerade besök\n"
            "Trygghetslarm hanteras av en särskild nattpatrull.\n"
            "Oplanerade besök läggs in i schemat och rutten räknas om.",
            "Resultat\n"
            "Körsträckan minskade med 14 procent första året.\n"
            "Mer tid hos brukarna och mindre stress för undersköterskorna.",
            "Arbetsmiljö\n"
            "Mindre bilkörning ger mer tid för raster.\n"
            "Undersköterskorna har varit med och bestämt hur rutterna ska se ut.\n"
            "Vi följer upp sjukfrånvaron i hemtjänstgrupperna varje kvartal.",
            "Kontinuitet och restid\n"
            "Kortast restid och bäst kontinuitet går inte alltid ihop.\n"
            "Vi har valt att prioritera kontinuiteten för brukare med demenssjukdom.",
        ),
    ),
    # Public procurement (sv).
    SimilarDeck(
        key="upph_lou",
        topic="upphandling",
        language="sv",
        title="LOU i praktiken: från behovsanalys till tilldelning",
        slides=(
            "Lagen om offentlig upphandling\n"
            "LOU gäller när kommuner, regioner och myndigheter köper varor och tjänster.\n"
            "Syftet är att skattepengar används effektivt och att leverantörer behandlas lika.\n"
            "Över tröskelvärdena gäller EU:s direktiv fullt ut.",
            "Behovsanalysen\n"
            "Vad behöver verksamheten egentligen?\n"
            "Prata med beställarna och användarna innan kravspecifikationen skrivs.\n"
            "En bra behovsanalys minskar risken för överprövning.",
            "Marknadsdialog\n"
            "Träffa leverantörer innan upphandlingen annonseras.\n"
            "Dialogen ska vara öppen och dokumenterad.\n"
            "Annonsera ett RFI för att få in synpunkter på kraven.",
            "Förfrågningsunderlaget\n"
            "Skallkrav ska vara mätbara och proportionerliga.\n"
            "Utvärderingsmodellen ska framgå tydligt.\n"
            "Ställ inte krav som bara en leverantör kan uppfylla.",
            "Tilldelning\n"
            "Tilldelningsbeslutet skickas till alla anbudsgivare.\n"
            "Under avtalsspärren på tio dagar kan leverantörer begära överprövning.",
            "Överprövning\n"
            "En leverantör som anser sig felbehandlad kan begära överprövning i "
            "förvaltningsrätten.\n"
            "De flesta överprövningar gäller utvärderingen eller otydliga krav.\n"
            "Därför lönar det sig att lägga tid på förfrågningsunderlaget.",
            "Avtalsuppföljning\n"
            "Ett upphandlat avtal är bara så bra som uppföljningen.\n"
            "Utse en avtalsansvarig för varje ramavtal.\n"
            "Följ upp att leverantören uppfyller kraven under hela avtalstiden.\n"
            "Upphandlingsmyndigheten har bra stöd på sin webbplats.\n"
            "8 / 8",
        ),
        tags=("upphandling", "lou"),
    ),
    SimilarDeck(
        key="upph_hallbar",
        topic="upphandling",
        language="sv",
        title="Hållbarhetskrav i offentlig upphandling",
        slides=(
            "Varför ställa hållbarhetskrav?\n"
            "Offentlig sektor köper för över 900 miljarder kronor per år.\n"
            "Upphandlingen är ett av de starkaste verktygen för en hållbar omställning.",
            "Miljökrav\n"
            "Använd Upphandlingsmyndighetens kriterier för fordon, livsmedel och IT.\n"
            "Krav på förnybara drivmedel i transportupphandlingar.\n"
            "Livscykelkostnad i stället för bara inköpspris.",
            "Sociala krav\n"
            "Arbetsrättsliga villkor enligt LOU för lön, semester och arbetstid.\n"
            "Krav på praktikplatser för personer långt från arbetsmarknaden.\n"
            "Uppförandekod för leverantörer i riskbranscher.",
            "Hur formulerar vi kraven?\n"
            "Kraven måste ha koppling till det som upphandlas.\n"
            "De ska gå att följa upp under avtalstiden.\n"
            "För många krav stänger ute små leverantörer.",
            "Uppföljning av avtalen\n"
            "Vi följer upp hållbarhetskraven i tio procent av avtalen varje år.\n"
            "Leverantören får lämna underlag inom 30 dagar.\n"
            "Vid brister gör vi en åtgärdsplan tillsammans med leverantören.\n"
            "Arbetet med uppföljningen är lika viktigt som kraven, och nya kriterier kommer "
            "varje år.",
            "Exempel: ramavtal för arbetskläder\n"
            "Krav på att fabrikerna granskas av oberoende part.\n"
            "Två leverantörer fick åtgärda brister efter granskningen.",
            "Stöd och verktyg\n"
            "Upphandlingsmyndighetens kriteriebibliotek ger färdiga formuleringar av krav.\n"
            "Samverka med andra kommuner om uppföljning av gemensamma leverantörer.",
            "Kontakt\nInköpsenheten, l.berg@skbk.se\nTelefon 0480-45 10 00",
        ),
        tags=("upphandling", "hållbarhet"),
        uploader="inkopsenheten",
    ),
    SimilarDeck(
        key="upph_direkt",
        topic="upphandling",
        language="sv",
        title="Direktupphandling och ramavtal – vanliga fel i offentlig upphandling",
        slides=(
            "Vad är en direktupphandling?\n"
            "Köp under direktupphandlingsgränsen, som 2025 är cirka 700 000 kronor.\n"
            "Inga krav på annonsering, men de grundläggande principerna i LOU gäller ändå.\n"
            "Leverantörer ska behandlas lika och upphandlingen ska dokumenteras.",
            "Vanliga fel\n"
            "Att dela upp ett köp för att hamna under direktupphandlingsgränsen.\n"
            "Att glömma att räkna samman köp av samma slag under året.\n"
            "Att köpa utanför befintliga ramavtal.",
            "Ramavtalen först\n"
            "Kontrollera alltid om det finns ett upphandlat ramavtal innan ni köper.\n"
            "Avtalskatalogen finns på intranätet.\n"
            "Köp utanför ramavtalet kan leda till skadestånd till leverantören.",
            "Så gör ni rätt\n"
            "Begär in minst tre offerter vid större direktupphandlingar.\n"
            "Ställ samma krav på alla leverantörer och spara anbuden.\n"
            "Dokumentera varför leverantören valdes.",
            "Upphandlingsskadeavgift\n"
            "Otillåten direktupphandling kan ge en avgift på upp till tio miljoner kronor.\n"
            "Konkurrensverket granskar upphandlingar i kommuner och regioner.\n"
            "Leverantörer kan också begära överprövning i förvaltningsrätten.",
            "När beloppet är större\n"
            "Då krävs en annonserad upphandling enligt LOU med förfrågningsunderlag och "
            "tilldelningsbeslut.\n"
            "Räkna med minst tre månader från behovsanalys till avtal.",
            "Sammanfattning\n"
            "Planera inköpen, använd ramavtalen och dokumentera.\n"
            "Upphandlarna på inköpsenheten och Upphandlingsmyndighetens vägledningar finns här "
            "för att hjälpa er.",
        ),
        tags=("inköp",),
        uploader="inkopsenheten",
    ),
    # Accessibility of websites and documents (two en, two sv).
    SimilarDeck(
        key="a11y_docs",
        topic="tillganglighet",
        language="en",
        title="Accessible PDF and Word documents: a practical checklist",
        slides=(
            "Why documents matter\n"
            "Most public information is still published as PDF files.\n"
            "A scanned PDF without text is useless for a screen reader.\n"
            "The EU Web Accessibility Directive covers documents on public websites too.",
            "Start in Word, not in the PDF\n"
            "Use real headings from the styles menu, not bold text.\n"
            "Write alt text for every informative image and mark decorative ones.\n"
            "Use real lists and simple tables with a header row.",
            "Export correctly\n"
            "Save as tagged PDF so the structure follows the document.\n"
            "Set the document language and a meaningful title.\n"
            "Check the reading order, especially in multi-column layouts.",
            "Test with a screen reader\n"
            "Listen to the document with NVDA on Windows or VoiceOver on a Mac.\n"
            "Can you jump between headings? Are the tables read in a sensible order?\n"
            "Run the built-in accessibility checker, but do not trust it blindly.",
            "Colour and contrast\n"
            "Text needs a contrast ratio of at least 4.5:1 against its background, as WCAG "
            "requires.\n"
            "Never use colour alone to show meaning in charts.",
            "Slides are documents too\n"
            "Every slide needs a unique title.\n"
            "Put the alt text on images, not in the speaker notes.",
            "Checklist\n"
            "Headings, alt text, lists, tables, language, contrast, tagged PDF.\n"
            "Download it at https://a11y.jsbg.se/c/7",
        ),
        tags=("accessibility", "documents"),
        uploader="jsandberg",
    ),
    SimilarDeck(
        key="a11y_web",
        topic="tillganglighet",
        language="en",
        title="WCAG 2.1 AA in practice: auditing a municipal website",
        slides=(
            "The legal background\n"
            "Public sector websites must meet WCAG 2.1 level AA under the EU directive.\n"
            "In Sweden the supervisory authority is DIGG.\n"
            "Every website needs an accessibility statement listing known problems.",
            "How we audited 1,200 pages\n"
            "Automated scans with axe found about a third of the problems.\n"
            "Manual testing with keyboard only and with a screen reader found the rest.\n"
            "We tested a sample of page types, not every single page.",
            "The most common failures\n"
            'Images without alt text, or alt text that just says "image".\n'
            "Forms where labels are missing or not connected to the fields.\n"
            "Low contrast in buttons and links.\n"
            "Keyboard traps in cookie banners and date pickers.",
            "Screen reader testing\n"
            "NVDA with Firefox and VoiceOver with Safari.\n"
            "Headings and landmarks make navigation possible.\n"
            "Dynamic content must announce itself to assistive technology.",
            "PDF documents on the website\n"
            "Hundreds of old PDF files failed every check.\n"
            "We removed outdated ones and rebuilt the important ones as accessible web pages.",
            "Fixing and following up\n"
            "Accessibility requirements are now part of every procurement of web services.\n"
            "Editors get training in headings, alt text and plain language.\n"
            "The accessibility statement is updated after each audit.\n"
            "Slide 9 of 9",
        ),
        tags=("accessibility", "wcag"),
        uploader="jsandberg",
    ),
    SimilarDeck(
        key="a11y_sv_webb",
        topic="tillganglighet",
        language="sv",
        title="Tillgänglig webb: DIGG, WCAG och tillgänglighetsredogörelsen",
        slides=(
            "Lagen om tillgänglighet till digital offentlig service\n"
            "DOS-lagen gäller kommuner, regioner och myndigheter sedan 2019.\n"
            "Webbplatser och appar ska uppfylla WCAG 2.1 nivå AA.\n"
            "DIGG är tillsynsmyndighet och tar emot anmälningar.",
            "Tillgänglighetsredogörelsen\n"
            "Varje webbplats ska ha en tillgänglighetsredogörelse.\n"
            "Den beskriver kända brister och hur man kan få innehållet i annat format.\n"
            "Redogörelsen ska uppdateras minst en gång om året.",
            "Vanliga brister vid granskningar\n"
            "Bilder saknar alternativtext.\n"
            "Formulär går inte att fylla i med bara tangentbordet.\n"
            "Dålig kontrast och text som inte går att förstora.\n"
            "PDF-filer som inte är tillgängliga för skärmläsare.",
            "Så testar vi\n"
            "Automatiska verktyg som axe hittar ungefär en tredjedel av felen.\n"
            "Manuella tester med tangentbord och skärmläsare, till exempel NVDA.\n"
            "Användartester med personer med funktionsnedsättning.",
            "Tillgänglighet i upphandlingen\n"
            "Ställ krav på WCAG 2.1 AA när ni köper webbtjänster.\n"
            "Begär att leverantören visar en granskning.",
            "Klarspråk och struktur\n"
            "Skriv kort, med en tydlig rubrik för varje avsnitt.\n"
            'Länktexter ska säga vart länken leder, inte bara "läs mer".\n'
            "Tydlig struktur hjälper alla, inte bara den som använder skärmläsare.",
            "Lärdomar\n"
            "Tillgänglighet måste vara med från början, inte läggas till i efterhand.\n"
            "Redaktörerna är nyckeln: rubriker, alternativtext och klarspråk.",
        ),
        tags=("tillgänglighet", "wcag"),
        collection="Tillgänglighetsdagen 2025",
    ),
    SimilarDeck(
        key="a11y_sv_dok",
        topic="tillganglighet",
        language="sv",
        title="Tillgängliga dokument och presentationer",
        slides=(
            "Varför dokument?\n"
            "Kommunens webbplats har över 3 000 PDF-filer.\n"
            "Många är skannade och helt otillgängliga för skärmläsare.\n"
            "DOS-lagen och WCAG gäller även dokument som publiceras på webben.",
            "Rubriker och struktur\n"
            "Använd rubrikformaten i Word, inte fet stil.\n"
            "Rubrikerna blir bokmärken och navigering i PDF-filen.\n"
            "Listor och tabeller ska vara riktiga listor och tabeller.",
            "Alternativtext\n"
            "Beskriv vad bilden visar och varför den finns där.\n"
            "Dekorativa bilder markeras som dekorativa.\n"
            "Diagram behöver en kort sammanfattning i texten.",
            "Tabeller\n"
            "Använd enkla tabeller med en rubrikrad.\n"
            "Undvik sammanslagna celler och tomma rader.\n"
            "Skärmläsaren läser tabellen cell för cell, rad för rad.",
            "Exportera till PDF\n"
            "Välj taggad PDF när du sparar.\n"
            "Ange dokumentets språk och en tydlig titel.\n"
            "Kontrollera läsordningen med en skärmläsare, till exempel NVDA.",
            "Presentationer\n"
            "Varje bild behöver en unik rubrik.\n"
            "Använd de inbyggda layouterna så att läsordningen blir rätt.\n"
            "Tillgänglighetskontrollen i programmet hittar många fel, men inte alla.",
            "Kontrast och färg\n"
            "Kontrasten ska vara minst 4,5:1 för vanlig text.\n"
            "Använd aldrig bara färg för att visa skillnader.",
            "Stöd\n"
            "Mallar och checklista: https://www.tgd-sve.se/dok\n"
            "Frågor till webbredaktionen, telefon 090-16 10 00",
        ),
        tags=("tillgänglighet", "dokument"),
        collection="Tillgänglighetsdagen 2025",
    ),
    # Bird migration and ecology (en): no shared tags, collection or uploader.
    SimilarDeck(
        key="birds_ring",
        topic="faglar",
        language="en",
        title="Forty autumns of bird ringing at Skagudden Bird Observatory",
        slides=(
            "The observatory\n"
            "Skagudden is a sandy peninsula where migrating birds gather before crossing the sea.\n"
            "Volunteers have ringed birds here every autumn since 1985.\n"
            "More than 600,000 birds of 190 species have been ringed.",
            "How ringing works\n"
            "Birds are caught in mist nets in the bushes and released within minutes.\n"
            "Each bird gets a numbered aluminium ring on its leg.\n"
            "We record species, age, sex, wing length, weight and fat score.",
            "What the long series shows\n"
            "Several warblers and flycatchers now pass Skagudden about a week later than in "
            "the 1980s.\n"
            "Numbers of some long-distance migrants have fallen sharply.\n"
            "Goldcrests and robins, which winter in Europe, have increased.",
            "Recoveries\n"
            "Ringed birds found elsewhere tell us about migration routes.\n"
            "A willow warbler ringed here was found in Ghana the next spring.\n"
            "About one ring in a thousand is ever reported back.",
            "Fat score and weight\n"
            "Birds that arrive lean stay longer to refuel in the bushes.\n"
            "Heavier birds leave on the first night with good tailwinds.",
            "Volunteers\n"
            "The ringing station depends on 80 volunteer ringers.\n"
            "New ringers train for at least two seasons under supervision.",
            "Thank you\n"
            "Data are shared with the national ringing centre and EURING.\n"
            "Visitors are welcome at the ringing station in September and October.",
        ),
    ),
    SimilarDeck(
        key="birds_radar",
        topic="faglar",
        language="en",
        title="Watching nocturnal migration with weather radar",
        slides=(
            "Most songbirds migrate at night\n"
            "Warblers, thrushes and flycatchers fly in the dark and rest by day.\n"
            "That makes migration hard to count from the ground.",
            "Weather radar sees birds\n"
            "Weather radar networks pick up flocks of migrating birds as well as rain.\n"
            "Algorithms separate birds from precipitation using the shape of the echoes.\n"
            "We can estimate how many birds are in the air and which way they fly.",
            "What we learned from six autumns\n"
            "Peak migration over southern Sweden happens on a few nights with northerly winds.\n"
            "Up to a third of the autumn's migrants can pass in just five nights.\n"
            "Most birds fly between 500 and 1,500 metres.",
            "Comparing with ringing data\n"
            "Radar counts match the catches at coastal bird observatories such as Skagudden.\n"
            "Ringing tells us the species, radar tells us the volumes.",
            "Light pollution and wind turbines\n"
            "Migrating birds are attracted to bright lights on cloudy nights.\n"
            "Radar forecasts can be used to switch off lights or stop turbines on peak nights.",
            "Open questions\n"
            "How do songbirds choose when to leave a stopover site?\n"
            "Can we forecast migration like we forecast the weather?\n"
            "contact: m.ekholm@lumig.se",
        ),
    ),
    SimilarDeck(
        key="birds_stopover",
        topic="faglar",
        language="en",
        title="Stopover ecology: how songbirds refuel on the coast",
        slides=(
            "What is a stopover?\n"
            "Migrating songbirds alternate between flights and stops to refuel.\n"
            "A long journey may include ten or more stopovers.\n"
            "The quality of stopover sites can decide whether a bird survives.",
            "Our study site\n"
            "Coastal scrub and juniper bushes at Skagudden peninsula.\n"
            "We followed robins and garden warblers during three autumns.",
            "Methods\n"
            "Birds were caught in mist nets, ringed and weighed.\n"
            "Some birds carried tiny radio tags so we could detect when they left.\n"
            "Insects and berries were counted in the bushes every week.",
            "Fuel deposition\n"
            "Garden warblers switched from insects to elderberries in September.\n"
            "Birds gained up to 5 per cent of their body mass per day.\n"
            "Robins stayed longer when the weather was unfavourable for migration.",
            "Departure decisions\n"
            "Most birds departed in the hour after sunset.\n"
            "Tailwinds and high fat score made a departure more likely.\n"
            "Lean birds sometimes moved inland instead of crossing the sea.",
            "Conservation\n"
            "Coastal scrub is often cleared for holiday homes and parking.\n"
            "Protecting a few hectares of berry bushes can help thousands of migrating birds.",
            "Next year\n"
            "This year showed how important the bushes are in a dry autumn.\n"
            "Next year we will add new radio receivers along the coast.\n"
            "We will also work with landowners to keep the scrub.",
        ),
    ),
    # Python packaging (en).
    SimilarDeck(
        key="py_pyproject",
        topic="pypack",
        language="en",
        title="From setup.py to pyproject.toml: modern Python packaging",
        slides=(
            "Why pyproject.toml?\n"
            "For years every Python package had a setup.py that ran arbitrary code.\n"
            "PEP 518 and PEP 621 moved build requirements and metadata into pyproject.toml.\n"
            "Static metadata is easier for tools to read and harder to get wrong.",
            "The build backend\n"
            "The [build-system] table names the build backend, for example setuptools or "
            "hatchling.\n"
            "Frontends like pip and build call the backend through the PEP 517 hooks.\n"
            "You can switch backends without changing how users install your package.",
            "The [project] table\n"
            "Name, version, dependencies and optional dependencies.\n"
            "Entry points for console scripts.\n"
            "Use dynamic version only if you really need it.",
            "Migrating an old project\n"
            "Move install_requires to dependencies and extras_require to optional-dependencies.\n"
            "Delete setup.cfg when everything lives in pyproject.toml.\n"
            "Check the result with python -m build and twine check.",
            "Source distributions and wheels\n"
            "Build both an sdist and a wheel for every release.\n"
            "Test installing the wheel in a clean virtual environment.",
            "Publishing to PyPI\n"
            "Use trusted publishing from CI instead of API tokens.\n"
            "Test the upload on TestPyPI first.\n"
            "Today most new projects need nothing but pyproject.toml.",
            "Links\n"
            "Slides: https://oh-talks.org/p/25\n"
            "Questions are welcome in the hallway or in the conference chat.",
        ),
        tags=("python", "packaging"),
        collection="PyCon Norden 2025",
        uploader="oskar_h",
    ),
    SimilarDeck(
        key="py_wheels",
        topic="pypack",
        language="en",
        title="Building wheels for Python packages with compiled extensions",
        slides=(
            "Why wheels matter\n"
            "A wheel installs without compiling anything on the user's machine.\n"
            "Without wheels, users of your C extension need a compiler and headers.\n"
            "Most pip install failures we see are failed source builds.",
            "Platform tags\n"
            "A wheel name encodes the Python version, the ABI and the platform.\n"
            "manylinux and musllinux tags make Linux wheels portable.\n"
            "macOS needs separate wheels or universal2 wheels for Intel and Apple silicon.",
            "cibuildwheel\n"
            "cibuildwheel builds and tests wheels for every platform in CI.\n"
            "It runs the build inside manylinux containers on Linux.\n"
            "Configure it in pyproject.toml under [tool.cibuildwheel].",
            "The stable ABI\n"
            "Building against the limited API gives one wheel for many Python versions.\n"
            "It works well for small extensions but restricts which C functions you can call.",
            "Build backends for extensions\n"
            "setuptools still works, but scikit-build-core and meson-python are good for "
            "larger projects.\n"
            "Declare the backend in the [build-system] table of pyproject.toml.",
            "Testing and publishing\n"
            "Install each wheel in a fresh virtual environment and run the tests.\n"
            "Upload the sdist and all wheels to PyPI together.",
        ),
        tags=("python", "wheels"),
        collection="PyCon Norden 2025",
        uploader="oskar_h",
    ),
    SimilarDeck(
        key="py_lock",
        topic="pypack",
        language="en",
        title="Lock files and reproducible installs in Python projects",
        slides=(
            "The problem\n"
            "It worked on my machine, but CI installed a newer version of a dependency.\n"
            "Version ranges in pyproject.toml describe what a package supports, not what an "
            "application runs.",
            "Libraries versus applications\n"
            "Libraries declare loose dependency ranges.\n"
            "Applications pin exact versions of every package, including transitive ones.",
            "Lock files\n"
            "A lock file records exact versions and hashes for every dependency.\n"
            "pip-tools, Poetry, PDM and uv can all produce lock files.\n"
            "PEP 751 defines a standard pylock.toml format.",
            "Tools compared\n"
            "pip-tools is minimal and works with plain pip.\n"
            "Poetry and PDM manage the whole project, including building and publishing.\n"
            "uv is very fast and can replace pip, pip-tools and virtualenv.",
            "Virtual environments\n"
            "One virtual environment per project, never install into the system Python.\n"
            "Recreate the environment from the lock file instead of patching it.",
            "Hashes and supply-chain safety\n"
            "Install with hashes so a changed package on PyPI is rejected.\n"
            "Prefer wheels over source distributions to avoid running build code.",
            "Updating dependencies\n"
            "Update the lock file on a schedule, for example every two weeks.\n"
            "Let CI run the full test suite on every update.",
            "Summary\n"
            "pyproject.toml for intent, a lock file for reproducibility.\n"
            "Update the lock file regularly and let CI test every update.",
        ),
        tags=("python", "dependencies"),
    ),
    # Database indexing (en).
    SimilarDeck(
        key="db_btree",
        topic="dbindex",
        language="en",
        title="B-tree indexes explained for application developers",
        slides=(
            "What an index is\n"
            "A separate data structure that lets the database find rows without reading the "
            "whole table.\n"
            "The default index type in PostgreSQL, MySQL and SQLite is the B-tree.",
            "How a B-tree works\n"
            "Keys are kept sorted in pages that form a balanced tree.\n"
            "A lookup walks from the root page to a leaf page in a few steps.\n"
            "Range queries follow the leaf pages in order.",
            "Which queries use the index?\n"
            "Equality and range conditions on the indexed column.\n"
            "ORDER BY on the indexed column, which avoids a sort.\n"
            "A LIKE pattern with a fixed prefix, but not one that starts with a wildcard.",
            "Composite indexes\n"
            "An index on (customer_id, created_at) helps queries that filter on customer_id "
            "first.\n"
            "Column order matters: put equality columns before range columns.",
            "The cost of indexes\n"
            "Every insert and update must maintain all indexes on the table.\n"
            "Unused indexes waste disk space and memory.\n"
            "Check pg_stat_user_indexes for indexes that are never scanned.",
            "Rules of thumb\n"
            "Index foreign keys and the columns in your most frequent WHERE clauses.\n"
            "Measure with EXPLAIN before and after adding an index.",
        ),
        tags=("databases", "postgresql"),
    ),
    SimilarDeck(
        key="db_explain",
        topic="dbindex",
        language="en",
        title="Reading EXPLAIN ANALYZE: why is my query slow?",
        slides=(
            "The query plan\n"
            "EXPLAIN shows the plan the PostgreSQL planner chose for a query.\n"
            "EXPLAIN ANALYZE runs the query and adds actual times and row counts.\n"
            "Read the plan from the innermost node outwards.",
            "Seq Scan or Index Scan?\n"
            "A sequential scan reads the whole table.\n"
            "An index scan uses a B-tree to jump to matching rows.\n"
            "For queries that return most of the table, a sequential scan is often faster.",
            "Estimates versus actual rows\n"
            "Large differences between estimated and actual rows mean the planner is guessing.\n"
            "Run ANALYZE so the statistics are fresh.\n"
            "Correlated columns can fool the planner; extended statistics help.",
            "Joins\n"
            "Nested loop, hash join and merge join each suit different row counts.\n"
            "A nested loop over thousands of rows without an index is a classic slow query.",
            "Buffers\n"
            "EXPLAIN (ANALYZE, BUFFERS) shows how many pages were read from cache and disk.\n"
            "Many buffer reads usually point to a missing index.",
            "A real example\n"
            "A report query took 14 seconds because of a sequential scan on the orders table.\n"
            "An index on the account and date columns brought it down to 40 milliseconds.\n"
            "An important lesson for the whole team: measure before you change anything.\n"
            "Slide 7 / 7",
        ),
        tags=("databases", "performance"),
    ),
    SimilarDeck(
        key="db_partial",
        topic="dbindex",
        language="en",
        title="Partial, covering and expression indexes in PostgreSQL",
        slides=(
            "Beyond the plain B-tree\n"
            "Most tables only need ordinary B-tree indexes on a few columns.\n"
            "PostgreSQL offers more precise tools when queries have special shapes.",
            "Partial indexes\n"
            "Index only the rows a query cares about, for example WHERE status = 'open'.\n"
            "The index is smaller and faster to maintain.\n"
            "The query must include the same condition for the planner to use it.",
            "Expression indexes\n"
            "An index on lower(email) makes case-insensitive lookups fast.\n"
            "The query must use exactly the same expression.",
            "Covering indexes and index-only scans\n"
            "INCLUDE adds columns to the index leaf pages without making them part of the key.\n"
            "The planner can then answer the query from the index alone.\n"
            "Index-only scans need a recently vacuumed table.",
            "GIN and GiST\n"
            "GIN indexes suit full-text search, arrays and jsonb.\n"
            "GiST indexes suit geometric data and range types.",
            "Checking the effect\n"
            "Compare EXPLAIN ANALYZE output before and after.\n"
            "Watch index size and write performance, not just query time.",
            "Summary\n"
            "Start with a B-tree, then reach for partial, covering or expression indexes when "
            "the plan shows a need.\n"
            "Every index has a cost, so drop the ones the planner never uses.",
        ),
        tags=("postgresql",),
    ),
    # Machine-learning evaluation (en): no shared collection or uploader.
    SimilarDeck(
        key="ml_leak",
        topic="mleval",
        language="en",
        title="Data leakage: how our validation scores lied to us",
        slides=(
            "The model that was too good\n"
            "Our churn model reached 0.97 AUC on the validation set.\n"
            "In production it barely beat a coin flip.\n"
            "The cause was data leakage, in three different forms.",
            "Leak one: the target in the features\n"
            "A feature was computed from account status after the customer had already left.\n"
            "Any feature created after the prediction time is suspicious.",
            "Leak two: preprocessing before the split\n"
            "We scaled and imputed the whole dataset before splitting it.\n"
            "Statistics from the test set leaked into training.\n"
            "Fit every preprocessing step inside the cross-validation loop, for example with a "
            "scikit-learn Pipeline.",
            "Leak three: duplicates across the split\n"
            "The same customers appeared in both training and validation data.\n"
            "Group-aware splitting keeps all rows of one customer on the same side.",
            "Time matters\n"
            "For forecasting, always validate on data from after the training period.\n"
            "Random splits of time series overestimate performance.",
            "How we evaluate now\n"
            "A held-out test set that nobody touches until the very end.\n"
            "Time-based splits and grouped cross-validation.\n"
            "A simple baseline model in every report.",
        ),
        tags=("machine learning",),
    ),
    SimilarDeck(
        key="ml_metrics",
        topic="mleval",
        language="en",
        title="Choosing evaluation metrics for imbalanced classification",
        slides=(
            "Accuracy is misleading\n"
            'With 1 per cent fraud, a model that always says "no fraud" is 99 per cent '
            "accurate.\n"
            "Pick metrics that reflect the cost of each kind of error.",
            "Precision and recall\n"
            "Precision: of the cases we flagged, how many were real?\n"
            "Recall: of the real cases, how many did we find?\n"
            "The threshold decides the trade-off between them.",
            "ROC AUC and PR AUC\n"
            "ROC AUC can look excellent even when the positive class is rare.\n"
            "The precision-recall curve and its area are more informative for imbalanced data.",
            "Calibration\n"
            "A predicted probability of 0.8 should be right about 80 per cent of the time.\n"
            "Check with a reliability diagram on the validation set.",
            "Confidence intervals\n"
            "A metric from a small test set is uncertain.\n"
            "Bootstrap the test set to get an interval, and report it.",
            "Compare against a baseline\n"
            "Always report a simple baseline model on the same held-out data.\n"
            "Differences smaller than the confidence interval mean nothing.",
            "Summary\n"
            "Choose the metric before training, evaluate once on the held-out test set, and "
            "report uncertainty.\n"
            "A metric nobody can explain to stakeholders is not much use.",
        ),
        tags=("machine learning", "metrics"),
    ),
    SimilarDeck(
        key="ml_cv",
        topic="mleval",
        language="en",
        title="Cross-validation and honest test sets for small datasets",
        slides=(
            "Small data, big variance\n"
            "With a few hundred examples, one random split can change the score a lot.\n"
            "A single validation score is not enough to choose a model.",
            "k-fold cross-validation\n"
            "Split the data into k folds, train on k minus one, validate on the last.\n"
            "Repeat with different seeds and report the mean and the spread.\n"
            "Stratify the folds so every fold has the same class balance.",
            "Nested cross-validation\n"
            "Hyperparameter tuning on the same folds you report on overestimates performance.\n"
            "An inner loop chooses hyperparameters, an outer loop estimates performance.",
            "Grouped and time-based splits\n"
            "Samples from the same patient or customer must stay in the same fold.\n"
            "Time series need forward-chaining splits instead of random folds.",
            "The final held-out test set\n"
            "Keep a test set aside and use it exactly once.\n"
            "If you look at it repeatedly, it becomes another validation set.",
            "Reporting\n"
            "Report the baseline, the cross-validation mean with its spread, and the test score.\n"
            "Publish the splitting code so others can reproduce the evaluation.",
        ),
        tags=("statistics",),
    ),
    # Cybersecurity incident response (two en, one sv sharing acronyms).
    SimilarDeck(
        key="inc_ransom",
        topic="incident",
        language="en",
        title="Ransomware at a regional hospital: the first 72 hours",
        slides=(
            "Hour zero\n"
            "At 03:40 the SOC saw mass file encryption on a file server.\n"
            "Within an hour the EDR had flagged suspicious activity on 40 machines.\n"
            "The incident response plan was activated and the crisis team called in.",
            "Containment\n"
            "We cut the connections between the hospital network and the region.\n"
            "Compromised accounts were disabled in Active Directory.\n"
            "VPN access was closed for everyone except the incident team.",
            "How they got in\n"
            "Stolen credentials for an old Citrix gateway without MFA.\n"
            "The attackers spent eleven days in the network before encrypting.\n"
            "Logs in the SIEM showed the lateral movement afterwards.",
            "Backups saved us\n"
            "Offline backups were untouched by the ransomware.\n"
            "Restoring the patient record system took 36 hours.\n"
            "Backups that had never been test-restored failed.",
            "Working without IT\n"
            "Wards went back to paper forms for prescriptions and test results.\n"
            "Planned operations were postponed for two days.\n"
            "Emergency care continued throughout the incident.",
            "Communication\n"
            "Staff got updates by SMS every four hours.\n"
            "CERT-SE and the police were informed on the first day.",
            "Lessons\n"
            "MFA everywhere, including old remote access.\n"
            "Practise restoring backups and run the playbook in tabletop exercises.",
        ),
        tags=("security", "ransomware"),
        collection="Security Days North 2025",
    ),
    SimilarDeck(
        key="inc_playbook",
        topic="incident",
        language="en",
        title="Writing incident response playbooks that people actually use",
        slides=(
            "Why playbooks fail\n"
            "Fifty-page documents that nobody opens during an incident.\n"
            "Written by consultants, never tested by the team.",
            "One page per scenario\n"
            "Ransomware, phishing, lost laptop, compromised account, data leak.\n"
            "Each playbook: triggers, first actions, who decides, who communicates.",
            "Roles\n"
            "Incident lead, technical lead, communications and a scribe.\n"
            "The SOC escalates to the incident lead, not directly to management.",
            "Containment steps\n"
            "Isolate hosts with the EDR, disable accounts in Active Directory, block "
            "indicators in the firewall.\n"
            "Preserve evidence before you wipe anything.",
            "Tabletop exercises\n"
            "Run a tabletop exercise every quarter with a realistic scenario.\n"
            "Include management and communications, not only the technical team.\n"
            "Update the playbook after every exercise and every real incident.",
            "Reporting\n"
            "Know your reporting duties: NIS2, GDPR and national CERT teams.\n"
            "The clock for reporting starts when the incident is detected.",
            "After the incident\n"
            "Hold a blameless review within two weeks.\n"
            "Record the timeline while memories are fresh.\n"
            "Turn lessons into concrete changes with owners and deadlines.",
            "Template\n"
            "https://sdnconf.org/pb\n"
            "Copy it, adapt it and test it in your next exercise.",
        ),
        tags=("security", "incident response"),
        collection="Security Days North 2025",
    ),
    SimilarDeck(
        key="inc_sv",
        topic="incident",
        language="sv",
        title="Incidenthantering i kommunen: när ransomware slog ut it-miljön",
        slides=(
            "Vad hände?\n"
            "En fredag kväll krypterades kommunens filservrar av ransomware.\n"
            "Angriparna hade tagit sig in via ett VPN-konto utan MFA.\n"
            "E-post, ekonomisystem och verksamhetssystem för socialtjänsten slutade fungera.",
            "De första timmarna\n"
            "Vår SOC-leverantör larmade och isolerade servrar via EDR.\n"
            "Krisledningsnämnden sammankallades på lördagsmorgonen.\n"
            "Vi anmälde incidenten till CERT-SE, IMY och polisen.",
            "Återställning\n"
            "Backuperna var intakta eftersom de låg offline.\n"
            "Det tog tre veckor innan alla system var i drift igen.\n"
            "Konton i Active Directory återskapades med nya lösenord.",
            "Kommunikation\n"
            "Invånarna informerades via webbplatsen och lokalradion.\n"
            "Medarbetarna fick information varje morgon på plats i stadshuset.",
            "Kostnader\n"
            "Återställningen kostade kommunen över 20 miljoner kronor.\n"
            "Lösensumman betalades inte.\n"
            "Försäkringen täckte bara en mindre del av kostnaderna.",
            "Det vi har ändrat\n"
            "MFA på alla konton och all fjärråtkomst.\n"
            "Loggar samlas i en SIEM och granskas dygnet runt.\n"
            "En playbook för ransomware som övas två gånger per år.",
            "Råd till andra kommuner\n"
            "Testa att återställa backuperna på riktigt.\n"
            "Öva incidenthanteringen med ledningen, inte bara med IT.\n"
            "Se till att krisledningen vet vem som fattar besluten.",
        ),
        tags=("informationssäkerhet",),
    ),
    # Open data and APIs (two sv, one en).
    SimilarDeck(
        key="od_kommun",
        topic="oppnadata",
        language="sv",
        title="Öppna data från kommunen: vårt första API",
        slides=(
            "Varför öppna data?\n"
            "Lagen om öppna data från 2022 ställer krav på offentliga aktörer.\n"
            "Företag, forskare och journalister efterfrågar kommunens data.\n"
            "Öppna data minskar antalet utlämnanden som vi gör för hand.",
            "Vilka datamängder började vi med?\n"
            "Lediga platser i förskolan, badtemperaturer och adresser till återvinningsstationer.\n"
            "Detaljplaner och bygglov som GeoJSON.\n"
            "Kommunens budget och utfall som CSV.",
            "Vårt API\n"
            "Ett REST-API som levererar JSON.\n"
            "Dokumentationen är skriven med OpenAPI och går att testa i webbläsaren.\n"
            "Ingen inloggning krävs för att hämta data.",
            "Tekniken bakom\n"
            "API:et hämtar data från verksamhetssystemen varje natt.\n"
            "Vi cachar svaren och har en gräns för antalet anrop per minut.\n"
            "Versionsnummer i adressen gör att vi kan ändra API:et utan att appar slutar fungera.",
            "Metadata och licens\n"
            "Varje datamängd beskrivs med DCAT-AP-SE och publiceras på dataportalen.\n"
            "Vi använder licensen CC BY 4.0 eller helt fria villkor.",
            "Vem använder API:et?\n"
            "En app för badplatser som byggdes av en gymnasieklass.\n"
            "Lokaltidningen visar bygglov på en karta.",
            "Lärdomar\n"
            "Börja med data som efterfrågas och som redan finns i systemen.\n"
            "Utse en ansvarig för varje datamängd.\n"
            "Kontakt: dataenheten, 0480-45 00 00",
        ),
        tags=("öppna data", "api"),
        collection="Offentliga data 2025",
        uploader="dataenheten",
    ),
    SimilarDeck(
        key="od_portal",
        topic="oppnadata",
        language="sv",
        title="Metadata, DCAT-AP-SE och dataportalen: så blir öppna data hittbara",
        slides=(
            "Data som ingen hittar\n"
            "Många myndigheter publicerar öppna data som ingen hittar.\n"
            "Utan metadata är en datamängd bara en fil på en webbserver.",
            "DCAT-AP-SE\n"
            "Den svenska profilen av den europeiska standarden DCAT-AP.\n"
            "Beskriver datamängder, distributioner, utgivare och licenser.\n"
            "Metadata skrivs som RDF och skördas av dataportalen.",
            "Dataportalen\n"
            "Den nationella portalen samlar öppna data från hela offentliga sektorn.\n"
            "Portalen skördar metadata från varje organisations katalog varje natt.",
            "Kvalitet på metadata\n"
            "Tydlig titel och beskrivning på svenska och engelska.\n"
            "Uppdateringsfrekvens, kontaktpunkt och licens måste anges.\n"
            "Länka till API-dokumentationen, till exempel en OpenAPI-specifikation.",
            "Format\nCSV och JSON för tabelldata, GeoJSON för geodata.\nUndvik PDF för data.",
            "Kontaktpunkt och ansvar\n"
            "Varje datamängd ska ha en namngiven ansvarig i verksamheten.\n"
            "Kontaktpunkten i metadata ska vara en funktionsadress, inte en person.",
            "Validering\n"
            "Kör metadata genom portalens validator innan ni publicerar.\n"
            "Följ upp hur ofta datamängderna används och laddas ner.",
            "Vanliga misstag\n"
            "Länkar som slutar fungera när webbplatsen görs om.\n"
            "Datamängder som publiceras en gång och aldrig uppdateras.\n"
            "Samma datamängd beskrivs två gånger i olika kataloger.",
        ),
        tags=("öppna data", "metadata"),
        uploader="dataenheten",
    ),
    SimilarDeck(
        key="od_api_en",
        topic="oppnadata",
        language="en",
        title="Designing open data APIs people enjoy using",
        slides=(
            "Who are your users?\n"
            "Developers, researchers, journalists and civic tech volunteers.\n"
            "Most of them will read your documentation for two minutes before giving up.",
            "Predictable REST design\n"
            "Plural resource names and consistent JSON field names.\n"
            "Return GeoJSON for anything with coordinates.\n"
            "Offer CSV downloads of whole datasets for people who do not write code.",
            "Pagination and filtering\n"
            "Cursor-based pagination is stable when data changes.\n"
            "Allow filtering by date so clients can fetch only what is new.",
            "Versioning\n"
            "Put the version in the path and never break an existing version.\n"
            "Announce deprecations months in advance.",
            "Documentation\n"
            "An OpenAPI description with examples for every endpoint.\n"
            "A try-it-now console in the browser.",
            "Metadata and licences\n"
            "Describe every dataset with DCAT-AP metadata so data portals can harvest it.\n"
            "State the licence clearly, preferably an open one such as CC BY 4.0.",
            "Learning from Swedish municipalities\n"
            "Municipalities that describe their APIs with OpenAPI and DCAT-AP-SE metadata get "
            "far more users.\n"
            "Publishing JSON and CSV side by side helps both developers and analysts.",
            "No keys for open data\n"
            "Do not require API keys for public datasets.\n"
            "Use rate limiting to protect the service instead.\n"
            "Slides: https://odsummit.org/s/3",
        ),
        tags=("open data", "api"),
        collection="Open Data Summit 2025",
    ),
    # Bicycle infrastructure (sv): no shared tags, collection or uploader.
    SimilarDeck(
        key="cykel_strak",
        topic="cykel",
        language="sv",
        title="Regionala cykelstråk mellan Björkvik och Sjöbacka",
        slides=(
            "Bakgrund\n"
            "Många pendlar 10–20 km mellan Björkvik och Sjöbacka.\n"
            "Med elcykel är det en realistisk pendlingssträcka året runt.\n"
            "Idag saknas en sammanhängande cykelväg längs länsvägen.",
            "Det nya cykelstråket\n"
            "En separerad gång- och cykelväg på 14 km.\n"
            "Belysning hela sträckan och rastplatser med cykelpump.\n"
            "Stråket byggs i tre etapper fram till 2028.",
            "Etapperna\n"
            "Etapp 1: Björkvik centrum till Lövnäs, klar 2026.\n"
            "Etapp 2: Lövnäs till kommungränsen, klar 2027.\n"
            "Etapp 3: kommungränsen till Sjöbacka station, klar 2028.",
            "Finansiering\n"
            "Regionen, Trafikverket och de två kommunerna delar på kostnaden.\n"
            "Vi söker statlig medfinansiering för cykelinfrastruktur.",
            "Trafiksäkerhet\n"
            "Korsningar med bilvägar byggs som upphöjda cykelöverfarter.\n"
            "Cykelstråket får samma vinterväghållning som huvudgatorna.",
            "Hur många kommer att cykla?\n"
            "Prognosen är 800 cyklister per dag när hela stråket är klart.\n"
            "Cykelräknare sätts upp vid båda kommungränserna.",
            "Cykelstråket och kollektivtrafiken\n"
            "Cykelparkering under tak vid busshållplatserna längs stråket.\n"
            "Pendlare kan kombinera cykel och buss när vädret är dåligt.",
            "Dialog\n"
            "Markägare längs sträckan kontaktas under våren.\n"
            "Synpunkter på www.bsreg.se/st\n"
            "Frågor: trafikplaneringen, 0418-47 00 00",
        ),
    ),
    SimilarDeck(
        key="cykel_park",
        topic="cykel",
        language="sv",
        title="Cykelparkering vid stationer och skolor",
        slides=(
            "Problemet\n"
            "Cyklar står slarvigt parkerade runt stationen i Björkvik.\n"
            "Många cyklister låter bli att ta cykeln av rädsla för stöld.\n"
            "Elcyklar kräver säker parkering med laddning.",
            "Bra cykelparkering\n"
            "Ramlåsställ där man kan låsa fast ramen.\n"
            "Tak över ställen och god belysning.\n"
            "Nära entrén, annars parkerar folk ändå där det är närmast.\n"
            "Plats för lådcyklar och cykelkärror.",
            "Cykelgarage vid stationen\n"
            "Ett låst cykelgarage med 300 platser öppnade 2024.\n"
            "Cyklisterna låser upp med en app eller ett kort.\n"
            "Beläggningen är över 90 procent på vardagar.",
            "Cykelstölder\n"
            "Antalet anmälda cykelstölder vid stationen har halverats sedan garaget öppnade.\n"
            "Ramlåsställ och belysning gör stöld svårare även utomhus.",
            "Skolorna\n"
            "Varje skola har fått en inventering av sin cykelparkering.\n"
            "Fler elever cyklar till skolor där cykelparkeringen är bra och trygg.",
            "Parkeringsnormen\n"
            "Nya bostäder i Björkvik ska ha minst två cykelparkeringar per lägenhet.\n"
            "Hälften ska vara under tak och nära entrén.",
            "Nästa steg\n"
            "Cykelparkering vid alla busshållplatser längs de regionala cykelstråken.\n"
            "Vi följer upp beläggningen i cykelgaraget två gånger per år.",
        ),
    ),
    SimilarDeck(
        key="cykel_plan",
        topic="cykel",
        language="sv",
        title="Cykelplan för Sjöbacka: säkra korsningar och fler cyklister",
        slides=(
            "Målet\n"
            "Andelen resor med cykel ska öka från 9 till 15 procent till 2030.\n"
            "Cykeln ska vara förstahandsvalet för resor kortare än fem kilometer.",
            "Cykelnätet\n"
            "Ett huvudnät med gena och separerade cykelbanor.\n"
            "Lokala cykelvägar till skolor, idrottsplatser och centrum.\n"
            "Länkar till det regionala cykelstråket mot Björkvik.",
            "Säkra korsningar\n"
            "Cykelöverfarter med farthinder för bilar.\n"
            "Bättre sikt genom att ta bort parkering nära korsningar.\n"
            "De flesta allvarliga olyckor sker där cyklister och bilar möts.",
            "Barn och unga\n"
            "Säkra skolvägar så att barn kan cykla själva från årskurs 4.\n"
            "Cykelöverfarter och sänkt hastighet nära skolorna.\n"
            "Cykelkurser för nyanlända vuxna i samarbete med studieförbunden.",
            "Drift\n"
            "Sopsaltning av huvudnätet på vintern.\n"
            "Lagning av hål i cykelbanor inom en vecka efter felanmälan.",
            "Cykelparkering och service\n"
            "Fler cykelparkeringar i centrum och vid stationen.\n"
            "Cykelpumpar och cykelverktyg vid de största stråken.",
            "Uppföljning\nCykelräknare på tio platser.\nEn resvaneundersökning vart fjärde år.",
            "Ekonomi\n"
            "Cykelplanen kostar cirka 12 miljoner kronor per år fram till 2030.\n"
            "Statlig medfinansiering söks för de största cykelbanorna.",
        ),
    ),
    # Decoys: each imitates the deck named in decoy_of, sharing only common words.
    # A choir's spring concert, beside the Swedish school-meals decks.
    SimilarDeck(
        key="kor_var",
        topic="korkonsert",
        language="sv",
        title="Vårkonserten med Kammarkören Cantilena",
        slides=(
            "Välkomna!\n"
            "Vi har sjungit tillsammans i fyra år och det här är vår största konsert hittills.\n"
            "Idag vill vi berätta lite om arbetet bakom konserten.",
            "Ett nytt år för kören\n"
            "Under året har vi fått sju nya medlemmar.\n"
            "Det är viktigt för oss att alla känner sig välkomna.\n"
            "Vi övar varje tisdag kväll i församlingshemmet.",
            "Repertoaren\n"
            "Svenska folkvisor, en mässa av Haydn och två nyskrivna sånger.\n"
            "Den ena sången är beställd av en ung tonsättare från trakten.\n"
            "Vi har arbetat med den sedan i höstas.",
            "Projektet med ungdomskören\n"
            "Ett gemensamt projekt med ungdomskören blev en bra erfarenhet.\n"
            "Många av ungdomarna hade aldrig sjungit i stämmor förut.\n"
            "Vi kommer att göra det igen nästa år.",
            "Det vi har lärt oss\n"
            "Det tar tid att lära in nya stycken, och det är helt okej.\n"
            "Tillsammans blir vi mycket bättre än var för sig.",
            "Vill du vara med?\n"
            "Vi söker fler tenorer och basar till hösten.\n"
            "Ingen provsjungning krävs, bara lust att sjunga.\n"
            "Läs mer på www.kkcant.se",
            "Tack\n"
            "Tack till vår dirigent, våra sponsorer och alla som kom idag.\n"
            "Nästa konsert blir i december.",
        ),
        decoy_of="skolmat_svinn",
    ),
    # A bakery's first year, beside the Swedish home-care decks.
    SimilarDeck(
        key="bageri",
        topic="bageri",
        language="sv",
        title="Vårt första år med bageriet på torget",
        slides=(
            "Hur det började\n"
            "För ett år sedan öppnade vi ett litet bageri på torget i Åsmundtorp.\n"
            "Vi var tre personer och hade en enda ugn.\n"
            "Idag är vi sju och bakar varje morgon från klockan fyra.",
            "Vad vi bakar\n"
            "Surdegsbröd, kanelbullar och kardemummaknutar.\n"
            "På helgerna gör vi också tårtor på beställning.\n"
            "Allt bakas från grunden med mjöl från en kvarn i Skåne.",
            "Det viktigaste vi har lärt oss\n"
            "Kunderna kommer tillbaka för bemötandet lika mycket som för bröden.\n"
            "Det är viktigt att våga säga nej till beställningar vi inte hinner med.\n"
            "Ett nytt sortiment behöver tid innan det säljer.",
            "Utmaningar under året\n"
            "Priset på smör och mjöl har ökat kraftigt.\n"
            "Elräkningen för ugnarna var högre än vi räknat med.",
            "Vi som jobbar här\n"
            "Vi är sju personer och alla kan både baka och stå i kassan.\n"
            "Två av oss går en yrkesutbildning till konditor.",
            "Nya projekt\n"
            "I höst startar vi kurser i surdegsbakning.\n"
            "Vi vill också leverera bröd till två kaféer i grannbyn.",
            "Tack!\n"
            "Tack till alla kunder som har kommit till oss under det här året.\n"
            "Följ oss gärna på www.asmtorp.se",
        ),
        decoy_of="hemtj_schema",
    ),
    # An art-school exhibition, beside the Swedish procurement decks.
    SimilarDeck(
        key="kulturskola",
        topic="kulturskola",
        language="sv",
        title="Höstutställning på kulturskolan",
        slides=(
            "Välkomna till utställningen\n"
            "Årets utställning visar arbeten av barn och ungdomar från sju till nitton år.\n"
            "Vi har jobbat med måleri, keramik och foto under hela terminen.",
            "Ett nytt år med nya lärare\n"
            "Kulturskolan har fått två nya lärare i bild och form.\n"
            "Det har varit viktigt för oss att deltagarna själva får välja teknik.",
            "Projektet om stadens historia\n"
            "Ett gemensamt projekt med äldre invånare som berättade om staden förr.\n"
            "Ungdomarna gjorde porträtt och fotograferade gamla hus.\n"
            "Arbetet visas i den stora salen.",
            "Keramikverkstaden\n"
            "Vi har en ny brännugn sedan i våras.\n"
            "Deltagarna har gjort skålar, figurer och en stor gemensam väggrelief.",
            "Musik på vernissagen\n"
            "Kulturskolans stråkensemble spelar vid invigningen på lördag.\n"
            "Det blir också kaffe och kakor i foajén.",
            "Tack\n"
            "Tack till alla föräldrar och lärare som har hjälpt till.\n"
            "Utställningen är öppen varje dag under höstlovet.\n"
            "Nästa år firar kulturskolan 50 år.",
            "Anmälan till vårterminen\n"
            "Anmälan till nästa termin öppnar den 1 december.\n"
            "Det finns fortfarande platser i keramik och foto.",
        ),
        decoy_of="upph_hallbar",
    ),
    # An amateur theatre's year, beside the English bird decks.
    SimilarDeck(
        key="theatre",
        topic="theatre",
        language="en",
        title="A year with the Riverside Players",
        slides=(
            "Who we are\n"
            "We are an amateur theatre group with about thirty members.\n"
            "Some of us have been acting for decades, others joined this year.\n"
            "Everyone is welcome, on stage or behind it.",
            "This year's productions\n"
            "A new comedy written by one of our members.\n"
            "A summer play in the park that drew many families.",
            "The project with the youth club\n"
            "An important project this year was our work with the youth club.\n"
            "Twelve teenagers wrote and performed their own short scenes.\n"
            "Many of them had never been on a stage before.",
            "What we learned\n"
            "Good planning matters more than a big budget.\n"
            "It takes time to build a new team, and that is fine.\n"
            "We also need more help with costumes and lighting.",
            "Next year\n"
            "Rehearsals for the winter show start in October.\n"
            "We are looking for new members, especially people who can build sets.",
            "Thank you\n"
            "Thanks to our audience, our sponsors and everyone who helped today.\n"
            "See you at the winter show!",
        ),
        decoy_of="birds_stopover",
    ),
    # An office move (same uploader), beside the English packaging decks.
    SimilarDeck(
        key="office_move",
        topic="officemove",
        language="en",
        title="Moving the office: what we learned",
        slides=(
            "Why we moved\n"
            "Our team had grown from twelve to thirty people in two years.\n"
            "The old office had no meeting rooms and a very small kitchen.",
            "Planning the move\n"
            "We started the project a year before the move.\n"
            "A small group collected wishes from everyone about the new office.\n"
            "It was important that people could keep working during the move.",
            "Moving day\n"
            "Everything was packed on Friday and unpacked on Monday.\n"
            "Many things got lost, including the coffee machine for a day.",
            "The new office\n"
            "Quiet rooms for focused work and larger rooms for the whole team.\n"
            "Bicycles can be parked in the courtyard.",
            "Working from home\n"
            "Some people now work from home two days a week.\n"
            "Desks are shared, so we need fewer of them.\n"
            "It is important to book a room for bigger meetings.",
            "What we would do differently\n"
            "Label every box, and start earlier with the internet connection.\n"
            "Ask more people for help with the planning.",
            "Thanks\n"
            "Thanks to everyone who helped today and during the whole year.\n"
            "The new address is on the intranet, and the coffee machine works again.",
        ),
        uploader="oskar_h",
        decoy_of="py_pyproject",
    ),
    # A furniture shop's quarter, beside the English database decks.
    SimilarDeck(
        key="furniture",
        topic="furniture",
        language="en",
        title="Quarterly review: the furniture shop on Mill Street",
        slides=(
            "The quarter in short\n"
            "Sales were up 8 per cent compared with the same quarter last year.\n"
            "The new sofa range sold out twice.\n"
            "Our team worked hard through a busy spring.",
            "What sold well\n"
            "Oak bookshelves and the small armchairs.\n"
            "Outdoor furniture started selling earlier than usual.",
            "What did not sell\n"
            "Large wardrobes, which take up too much space in the shop.\n"
            "We will reduce the number of models next year.",
            "Staff\n"
            "We hired two new people for the weekends.\n"
            "The team also worked on making the shop easier to walk around in.",
            "Customers\n"
            "Many customers now visit the website before coming to the shop.\n"
            "It is important that prices on the website are always correct.",
            "Projects for next quarter\n"
            "A new project to offer delivery and assembly on the same day.\n"
            "Training for the team in customer service.",
            "Questions\n"
            "Thanks for today, and see you at the next review.\n"
            "The next review is in three months.",
        ),
        decoy_of="db_explain",
    ),
    # A riding club's annual meeting, beside the Swedish cooperation decks.
    SimilarDeck(
        key="idrott",
        topic="idrott",
        language="sv",
        title="Årsmöte i Ridklubben Hästhagen",
        slides=(
            "Välkomna till årsmötet\n"
            "Vi har haft ett händelserikt år i klubben.\n"
            "Idag går vi igenom verksamheten, ekonomin och planerna framåt.",
            "Verksamheten under året\n"
            "Ridskolan har haft 180 elever varje vecka.\n"
            "Två nya hästar har köpts in och en av de äldsta har fått gå i pension.\n"
            "Tävlingsgruppen har deltagit i tolv tävlingar.",
            "Ungdomssektionen\n"
            "Ungdomarna har startat en egen sektion med träffar varje fredag.\n"
            "De har också skött hagarna och hjälpt till på tävlingarna.\n"
            "Det är viktigt att ungdomarna får ta ansvar.",
            "Kassörens rapport\n"
            "Klubben gick med ett litet överskott.\n"
            "Foderpriserna har ökat, men fler medlemmar har gett mer intäkter.",
            "Ett viktigt projekt\n"
            "Det stora projektet under året var det nya ridhustaket.\n"
            "Mycket arbete gjordes av frivilliga under helgerna.\n"
            "Tack till alla som hjälpte till!",
            "Styrelsen\n"
            "Tre ledamöter lämnar styrelsen och tre nya föreslås av valberedningen.\n"
            "Vi behöver också fler som vill hjälpa till i stallet.",
            "Nästa år\nFler kurser för vuxna nybörjare.\nEtt sommarläger för barn i juli.",
        ),
        decoy_of="samv_avtal",
    ),
)


def partners(deck: SimilarDeck) -> set[str]:
    """Keys of the other decks on the same topic (empty for decoys and topics of one)."""
    return {other.key for other in DECKS if other.topic == deck.topic and other.key != deck.key}


def by_key(key: str) -> SimilarDeck:
    return next(deck for deck in DECKS if deck.key == key)


# The smallest site: two related pairs and a decoy that imitates one deck of a pair.
SMALL_SITE: tuple[str, ...] = (
    "samv_avtal",
    "samv_it",
    "skolmat_svinn",
    "skolmat_elev",
    "kor_var",
)
