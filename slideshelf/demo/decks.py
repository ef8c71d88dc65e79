"""The demo decks as plain data, written for slideshelf: every name, place and figure is made up."""

# This is prose for people to read, so it uses real typography: en dashes and the
# multiplication sign, not their ASCII look-alikes.

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DemoSlide:
    title: str
    bullets: tuple[str, ...]
    notes: str = ""
    # The first row is the header row.
    table: tuple[tuple[str, ...], ...] = ()


@dataclass(frozen=True)
class DemoDeck:
    filename: str
    title: str
    language: str
    tags: tuple[str, ...]
    collection: str | None
    slides: tuple[DemoSlide, ...]
    description: str


CONFERENCE = "Kommundirektörernas höstkonferens 2026"

HOSTKONFERENSEN = DemoDeck(
    filename="hostkonferensen-2026-kommunen-som-motor.pptx",
    title="Höstkonferensen 2026: Kommunen som motor i samhällsutvecklingen",
    language="sv",
    tags=("kommun", "samhällsutveckling", "ledarskap", "samverkan", "konferens"),
    collection=CONFERENCE,
    description=(
        "Dokumentation från första dagen av Kommundirektörernas höstkonferens 2026 på "
        "Konferensgården Ekudden: deltagarnas slutsatser om kommunens roll i "
        "samhällsutvecklingen och deras handlingslista för hemkomsten."
    ),
    slides=(
        DemoSlide(
            title="Höstkonferensen 2026: Kommunen som motor i samhällsutvecklingen",
            bullets=(
                "Dokumentation från Kommundirektörernas höstkonferens",
                "Konferensgården Ekudden, Sjöbacka, 15–16 oktober 2026",
                "Med medverkan av processledaren Karin Alm",
            ),
            notes=(
                "Dokumentationen sammanfattar grupparbetena under konferensens första dag. "
                "Citaten är deltagarnas egna formuleringar, bara lätt redigerade."
            ),
        ),
        DemoSlide(
            title="Frågorna vi arbetade med",
            bullets=(
                "Vad är viktigast när kommunen ska driva samhällsutvecklingen framåt?",
                "Vad bör vi undvika?",
                "Hur vill vi agera mot våra grannkommuner – och hur vill vi att de agerar mot oss?",
                "Vad betyder det här för kommundirektörens roll?",
            ),
            notes=(
                "Deltagarna arbetade i sex blandade grupper med kollegor från olika län. "
                "Varje grupp hade 40 minuter per fråga och redovisade sedan i storgrupp. "
                "Karin Alm sammanfattade och sorterade svaren under kvällen."
            ),
        ),
        DemoSlide(
            title="Slutsatser: att leda utan att äga frågan",
            bullets=(
                "Näringsliv, region och föreningsliv har olika logiker – tolka dem och återkoppla",
                "Ta initiativ till samverkan innan den blir ett tvång",
                "Kommundirektörens ansvar är större än den egna organisationen",
                "Undvik det inåtvända perspektivet: helheten går före den egna förvaltningen",
                "Vårda relationen mellan kommunstyrelsens ordförande och kommundirektören",
            ),
            notes=(
                "Flera grupper landade i samma sak: kommunen kan sällan bestämma över "
                "samhällsutvecklingen, men den kan samla de som gör det. Det kräver att man "
                "förstår vad som driver de andra aktörerna."
            ),
        ),
        DemoSlide(
            title="Slutsatser: tillit byggs i vardagen",
            bullets=(
                "Avsätt tid för att lyssna, även när tiden inte finns",
                "Skapa mötesplatser som finns kvar när projektet är slut",
                "Fira framgångar tillsammans – och säg det högt",
                "Bygg på det vi är överens om och ta det svåra i rätt forum",
                "Var prestigelös och ha tålamod: förtroende tar år att bygga",
            ),
            notes=(
                "En deltagare uttryckte det så här: ”Det är på fikarasten efter mötet som "
                "samverkan egentligen börjar.” Många vittnade om att de viktigaste relationerna "
                "byggts upp i små, återkommande sammanhang snarare än i stora projekt."
            ),
        ),
        DemoSlide(
            title="Grannkommunerna: konkurrenter eller kollegor?",
            bullets=("Deltagarnas sammanställning efter grupparbetet",),
            table=(
                ("Det här vill vi göra", "Det här vill vi undvika"),
                ("Dela våra planer tidigt", "Överraska grannen med beslut som påverkar dem"),
                ("Glädjas när grannen växer", "Tävla om samma etableringar med skattepengar"),
                ("Bidra med vår del i gemensamma frågor", "Åka snålskjuts på andras satsningar"),
                ("Ta större ansvar när vi är större", "Använda storleken som maktmedel"),
            ),
            notes=(
                "Diskussionen om storlek var livlig. De större kommunerna i rummet var överens "
                "om att de har ett särskilt ansvar för att de mindre grannarna ska känna sig "
                "delaktiga, inte bara informerade."
            ),
        ),
        DemoSlide(
            title="Vad betyder det för kommundirektörens roll?",
            bullets=(
                "Att vara länken mellan politik, förvaltning och omvärld",
                "Att våga utmana politiken med fakta och alternativ",
                "Att hellre säga ”ja, om” än ”nej”",
                "Att bygga en ledningsgrupp som tar ansvar för helheten",
                "Att hålla uppe tempot när det första intresset har svalnat",
            ),
            notes=(
                "Rollen beskrevs som både spelledare och möjliggörare. Flera påpekade att den "
                "sällan står i någon delegationsordning men ändå är det som förväntas mest."
            ),
        ),
        DemoSlide(
            title="Från ord till handling",
            bullets=(
                "Kommundirektörernas handlingslista",
                "”Det här är det första jag vill göra när jag kommer hem”",
                "Deltagarnas egna prioriteringar, i urval",
            ),
            notes=(
                "Konferensens andra pass avslutades med att var och en skrev ner tre saker att "
                "göra under de första veckorna hemma. Här är ett urval."
            ),
        ),
        DemoSlide(
            title="”Det här är det första jag vill göra när jag kommer hem”",
            bullets=(
                "Ringa kollegorna i grannkommunerna och boka ett första möte",
                "Göra samhällsutveckling till en stående punkt i ledningsgruppen",
                "Gå igenom våra samverkansavtal och se vilka som faktiskt lever",
                "Prata med kommunstyrelsens ordförande om hur vi delar på rollerna",
                "Ge förvaltningscheferna mandat att samverka utan att fråga mig först",
            ),
        ),
        DemoSlide(
            title="”Det här är det första jag vill göra när jag kommer hem” (forts.)",
            bullets=(
                "Koppla ihop näringslivsarbetet med översiktsplanen",
                "Formalisera de nätverk som i dag hänger på enskilda personer",
                "Bjuda in regionen till ett gemensamt möte om kompetensförsörjning",
                "Berätta för medarbetarna vad vi kom fram till här",
            ),
            notes=(
                "Punkten om att berätta för medarbetarna kom från flera håll. Det som sägs på en "
                "konferens får effekt först när fler än de som var där känner till det."
            ),
        ),
        DemoSlide(
            title="Så går vi vidare",
            bullets=(
                "Dokumentationen skickas till alla deltagare och finns i konferensens samling",
                "Uppföljning på vårkonferensen i april 2027",
                "Ta med ett exempel på något som har hänt sedan i höstas",
                "Frågor om dokumentationen: konferensens arbetsgrupp",
            ),
            notes=(
                "På vårkonferensen börjar vi med en kort runda där varje deltagare berättar om "
                "en punkt från handlingslistan: vad blev gjort, och vad blev svårare än väntat?"
            ),
        ),
    ),
)

SAMVERKAN = DemoDeck(
    filename="samverkan-mellan-kommuner.pptx",
    title="Samverkan mellan kommuner",
    language="sv",
    tags=("kommun", "samverkan", "kommunallagen", "kommunalförbund", "konferens"),
    collection=CONFERENCE,
    description=(
        "Seminarium från höstkonferensens andra dag om samverkansformerna i kommunallagen, "
        "hur man fördelar kostnaderna och vad man bör tänka på innan man börjar."
    ),
    slides=(
        DemoSlide(
            title="Samverkan mellan kommuner",
            bullets=(
                "Former, fördelar och fallgropar",
                "Seminarium dag 2, Kommundirektörernas höstkonferens 2026",
                "Anna Berglund, kommundirektör i Älvbacka kommun",
            ),
            notes=(
                "Seminariet bygger på Älvbackas och Granheds erfarenheter av sex års samverkan, "
                "från löneadministration till en gemensam miljö- och byggnämnd."
            ),
        ),
        DemoSlide(
            title="Varför samverka?",
            bullets=(
                "Små kommuner har svårt att rekrytera och behålla specialister",
                "Invånare och företag bryr sig sällan om kommungränser",
                "Gemensamma upphandlingar ger bättre villkor",
                "Verksamheten blir mindre sårbar när fler kan täcka upp",
                "Regionala frågor kräver en gemensam röst",
            ),
            notes=(
                "Det vanligaste skälet i vår erfarenhet är sårbarhet. När en kommun har en enda "
                "person som kan en viss fråga räcker det med en sjukskrivning för att "
                "handläggningen ska stanna."
            ),
        ),
        DemoSlide(
            title="Samverkansformerna i kommunallagen",
            bullets=(
                "Avtalssamverkan",
                "Gemensam nämnd",
                "Kommunalförbund",
                "Gemensamt ägda bolag",
                "Därtill: nätverk och avsiktsförklaringar utan formell struktur",
            ),
            notes=(
                "Avtalssamverkan, gemensam nämnd och kommunalförbund regleras i kommunallagens "
                "nionde kapitel. Bolagen regleras i tionde kapitlet, och där blir också "
                "upphandlingsreglerna en viktig fråga."
            ),
        ),
        DemoSlide(
            title="Formerna i jämförelse",
            bullets=(),
            table=(
                ("Form", "Egen juridisk person", "Passar för"),
                ("Avtalssamverkan", "Nej", "Avgränsade tjänster, till exempel lönehantering"),
                (
                    "Gemensam nämnd",
                    "Nej, ingår i värdkommunen",
                    "Myndighetsutövning, t.ex. bygglov",
                ),
                ("Kommunalförbund", "Ja", "Stora, långsiktiga uppdrag som räddningstjänst"),
                ("Gemensamt bolag", "Ja", "Affärsmässig verksamhet som avfall eller bredband"),
            ),
            notes=(
                "Tabellen är förenklad. Valet av form beror lika mycket på hur mycket styrning "
                "fullmäktige vill behålla som på själva uppgiften."
            ),
        ),
        DemoSlide(
            title="Avtalssamverkan – det nyaste verktyget",
            bullets=(
                "En kommun kan utföra uppgifter åt en annan genom ett avtal",
                "Ingen ny organisation behövs",
                "Passar för stödfunktioner och specialistkompetens",
                "Samverkan får inte bli en marknadsaffär – tänk på upphandlingsreglerna",
                "Myndighetsutövning kräver extra eftertanke: stäm av med en jurist",
            ),
            notes=(
                "Avtalssamverkan infördes med den nya kommunallagen 2018 och har blivit den "
                "vanligaste formen för mindre samarbeten hos oss. Avtalen är korta, men vi lägger "
                "tid på att skriva in hur de följs upp och hur de sägs upp."
            ),
        ),
        DemoSlide(
            title="Erfarenheter från vår gemensamma nämnd",
            bullets=(
                "Handläggningstiderna blev kortare när fler kunde dela på ärendena",
                "Politikerna behövde tid att lära känna varandra – räkna med ett år",
                "Värdkommunens rutiner blev allas rutiner, på gott och ont",
                "Kostnadsfördelningen var det vi diskuterade mest",
            ),
            notes=(
                "Älvbacka är värdkommun för den gemensamma miljö- och byggnämnden sedan 2022. "
                "Medianhandläggningstiden för bygglov gick från sju till fyra veckor under det "
                "första året."
            ),
        ),
        DemoSlide(
            title="Kostnadsfördelning – tre vanliga modeller",
            bullets=(),
            table=(
                ("Modell", "Så fungerar det", "Risk"),
                (
                    "Efter invånarantal",
                    "Varje kommun betalar sin andel av befolkningen",
                    "Speglar inte alltid det faktiska nyttjandet",
                ),
                (
                    "Efter nyttjande",
                    "Betalning per ärende, timme eller tjänst",
                    "Kräver uppföljning och kan bli byråkratiskt",
                ),
                (
                    "Fast plus rörlig del",
                    "En grundavgift för beredskap och en del efter användning",
                    "Svårare att förklara för fullmäktige",
                ),
            ),
            notes=(
                "Vi började med fördelning efter invånarantal och gick efter två år över till "
                "en fast och en rörlig del. Det var mer arbete, men diskussionerna om vem som "
                "betalar för vad tog nästan slut."
            ),
        ),
        DemoSlide(
            title="Vanliga fallgropar",
            bullets=(
                "Avtal som ingen följer upp",
                "Oklart vem som äger frågan i respektive kommun",
                "Den större kommunen sätter agendan utan att fråga",
                "Samarbetet vilar på två personer – som sedan byter jobb",
                "En kostnadsfördelning som upplevs som orättvis",
            ),
            notes=(
                "Den fjärde punkten är den vi själva har fått lära oss den hårda vägen. Skriv "
                "ner hur samarbetet fungerar, så att det överlever när någon slutar."
            ),
        ),
        DemoSlide(
            title="Checklista innan ni börjar",
            bullets=(
                "Vilket problem ska samverkan lösa – och hur vet vi när det är löst?",
                "Vilken samverkansform passar uppdraget?",
                "Vem äger frågan i varje kommun?",
                "Hur fördelar vi kostnaderna och hur följer vi upp?",
                "Hur tar vi oss ur samarbetet om det inte fungerar?",
            ),
            notes=(
                "Den sista frågan känns ofta obekväm att ställa i början, men ett tydligt sätt "
                "att avsluta gör det lättare att våga börja."
            ),
        ),
        DemoSlide(
            title="Tack!",
            bullets=(
                "Frågor och erfarenheter är välkomna",
                "Anna Berglund, kommunledningskontoret, Älvbacka kommun",
            ),
        ),
    ),
)

TILLGANGLIGHET = DemoDeck(
    filename="tillganglighet-i-digitala-dokument.pptx",
    title="Tillgänglighet i digitala dokument",
    language="sv",
    tags=("tillgänglighet", "WCAG", "dokument", "offentlig sektor", "PDF"),
    collection=None,
    description=(
        "Utbildning för kommunikatörer och handläggare: vad lagen om tillgänglighet till "
        "digital offentlig service kräver och hur man gör Word-dokument och PDF:er som alla "
        "kan läsa."
    ),
    slides=(
        DemoSlide(
            title="Tillgänglighet i digitala dokument",
            bullets=(
                "Så gör du dokument som alla kan läsa",
                "Utbildning för kommunikatörer och handläggare",
                "Kommunikationsavdelningen, hösten 2026",
            ),
            notes=(
                "Utbildningen tar ungefär en timme. Ta gärna med ett eget dokument som du "
                "publicerat nyligen, så går vi igenom det tillsammans på slutet."
            ),
        ),
        DemoSlide(
            title="Varför det spelar roll",
            bullets=(
                "Många läser med skärmläsare, förstoring eller talsyntes",
                "Ett otillgängligt dokument stänger ute den som har rätt till informationen",
                "Det som är nödvändigt för några är bra för alla, som tydliga rubriker",
                "För offentlig sektor är det dessutom ett lagkrav",
            ),
            notes=(
                "Tänk på vem som läser våra dokument: invånare som söker bygglov, anhöriga som "
                "läser om hemtjänst, politiker som läser handlingar på telefonen på väg till "
                "mötet. Alla ska kunna ta del av samma information."
            ),
        ),
        DemoSlide(
            title="Lagen om tillgänglighet till digital offentlig service",
            bullets=(
                "Gäller sedan 2019 för myndigheter, kommuner och regioner",
                "Omfattar webbplatser, appar och dokument som publiceras där",
                "Kraven följer standarden EN 301 549, som bygger på WCAG 2.1 nivå AA",
                "Myndigheten för digital förvaltning (Digg) har tillsyn",
                "Varje webbplats ska ha en tillgänglighetsredogörelse",
            ),
            notes=(
                "Lagen kallas ofta DOS-lagen. Dokument som publicerades före den 23 september "
                "2018 är undantagna, så länge de inte behövs i ett pågående ärende. Allt vi "
                "publicerar i dag omfattas alltså."
            ),
        ),
        DemoSlide(
            title="WCAG:s fyra principer",
            bullets=(),
            table=(
                ("Princip", "Det betyder", "Exempel i ett dokument"),
                (
                    "Möjlig att uppfatta",
                    "Innehållet når fram oavsett sinne",
                    "Alternativtext, god kontrast",
                ),
                (
                    "Hanterbar",
                    "Det går att navigera med olika hjälpmedel",
                    "Riktiga rubriker, bokmärken",
                ),
                ("Begriplig", "Innehåll och struktur går att förstå", "Klarspråk, angivet språk"),
                (
                    "Robust",
                    "Fungerar med olika program och hjälpmedel",
                    "Taggad PDF, riktiga tabeller",
                ),
            ),
            notes=(
                "WCAG står för Web Content Accessibility Guidelines. Riktlinjerna är skrivna för "
                "webben, men principerna gäller lika mycket för ett dokument som publiceras där."
            ),
        ),
        DemoSlide(
            title="Rubriker och struktur",
            bullets=(
                "Använd formatmallarna Rubrik 1, Rubrik 2 och så vidare",
                "Stor och fet text är ingen rubrik för en skärmläsare",
                "Hoppa inte över rubriknivåer",
                "Gör listor med listfunktionen, inte med bindestreck",
                "Ge dokumentet en titel i dokumentegenskaperna",
            ),
            notes=(
                "Den som använder skärmläsare hoppar ofta mellan rubrikerna för att hitta rätt "
                "avsnitt, ungefär som du själv skummar en sida. Utan riktiga rubriker måste hela "
                "dokumentet läsas upp från början."
            ),
        ),
        DemoSlide(
            title="Bilder, färg och kontrast",
            bullets=(
                "Bilder som bär information behöver en alternativtext",
                "Markera rent dekorativa bilder som dekorativa",
                "Kontrast minst 4,5:1 för vanlig text och 3:1 för stor text",
                "Visa aldrig något bara med färg, som röda och gröna siffror",
                "Skriv slutsatsen av ett diagram i texten bredvid",
            ),
            notes=(
                "En bra alternativtext beskriver vad bilden tillför, inte hur den ser ut. "
                "”Karta över de nya busslinjerna” säger mer än ”bild1.png”."
            ),
        ),
        DemoSlide(
            title="Tabeller",
            bullets=(
                "Använd tabeller för data, inte för att placera ut text",
                "Markera rubrikraden så att den följer med och läses upp",
                "Undvik sammanslagna och tomma celler",
                "Dela hellre upp en stor tabell i två mindre",
            ),
            notes=(
                "En skärmläsare läser en tabell cell för cell och säger vilken kolumnrubrik "
                "cellen hör till. Det fungerar bara om rubrikraden är markerad som rubrik."
            ),
        ),
        DemoSlide(
            title="Från Word till PDF",
            bullets=(
                "Använd Spara som PDF och se till att taggarna för tillgänglighet följer med",
                "Skriv inte ut till PDF – då försvinner strukturen",
                "Ange dokumentets språk så att skärmläsaren uttalar rätt",
                "Kontrollera resultatet med en tillgänglighetskontroll",
                "Skannade dokument är bilder och behöver textigenkänning",
            ),
            notes=(
                "Både Word och LibreOffice har inbyggda kontroller som hittar de vanligaste "
                "felen. Kör kontrollen i ursprungsdokumentet först – det är mycket lättare att "
                "rätta där än i PDF:en."
            ),
        ),
        DemoSlide(
            title="Checklista före publicering",
            bullets=(
                "Har dokumentet en titel och ett angivet språk?",
                "Är rubrikerna riktiga rubriker?",
                "Har alla bilder som bär information en alternativtext?",
                "Räcker kontrasten?",
                "Har tabellerna markerade rubrikrader?",
                "Beskriver länktexterna vart de leder?",
            ),
            notes="Skriv ut checklistan och sätt upp den bredvid skärmen de första veckorna.",
        ),
        DemoSlide(
            title="Mer att läsa",
            bullets=(
                "Diggs vägledning om lagen och webbriktlinjerna",
                "W3C:s introduktion till WCAG",
                "Vår egen tillgänglighetsredogörelse på kommunens webbplats",
                "Frågor? Kontakta kommunikationsavdelningen",
            ),
        ),
    ),
)

ACCESSIBLE_PRESENTATIONS = DemoDeck(
    filename="accessible-presentations.pptx",
    title="Accessible presentations: a practical guide",
    language="en",
    tags=("accessibility", "presentations", "WCAG", "design"),
    collection=None,
    description=(
        "How to make slides that everyone can follow, in the room and afterwards: layouts, "
        "reading order, contrast, alt text, captions and sharing the file."
    ),
    slides=(
        DemoSlide(
            title="Accessible presentations: a practical guide",
            bullets=(
                "Making slides everyone can follow, in the room and afterwards",
                "Lunch and learn, digital services team",
                "October 2026",
            ),
            notes=(
                "This is a short, practical session. Everything here works in PowerPoint, "
                "LibreOffice Impress and Google Slides, with small differences in where the "
                "menus are."
            ),
        ),
        DemoSlide(
            title="Who we are designing for",
            bullets=(
                "People who open the file later with a screen reader",
                "People at the back of the room, or on a small laptop screen",
                "People with colour vision deficiencies",
                "People reading in their second or third language",
                "Anyone who reads the deck months later, without the speaker",
            ),
            notes=(
                "Most slides are read far more often than they are presented. Design for the "
                "person who gets the file in an e-mail six months from now."
            ),
        ),
        DemoSlide(
            title="Start with the built-in layouts",
            bullets=(
                "Use layouts with real title and content placeholders",
                "Give every slide a unique title",
                "Screen reader users jump between slides by their titles",
                "Text in placeholders keeps a sensible reading order",
                "Loose text boxes often don't",
            ),
            notes=(
                "If two slides need the same title, add a short qualifier such as “(continued)” "
                "or “2 of 3”. Identical titles make the slide list useless for navigation."
            ),
        ),
        DemoSlide(
            title="Check the reading order",
            bullets=(
                "A screen reader reads shapes in the order they were added",
                "That is rarely the order you see on the slide",
                "PowerPoint: use the Reading Order pane",
                "Impress: check the order in the Navigator",
                "Group shapes that belong together",
            ),
            notes=(
                "A common surprise: a text box added last, for example a key conclusion at the "
                "top of the slide, is read out last."
            ),
        ),
        DemoSlide(
            title="Text that can be read",
            bullets=("Rules of thumb for a typical meeting room",),
            table=(
                ("Element", "Minimum", "Better"),
                ("Body text", "24 pt", "28 pt or larger"),
                ("Slide titles", "32 pt", "36–44 pt"),
                ("Contrast, normal text", "4.5:1", "7:1"),
                ("Lines of text per slide", "7", "5 or fewer"),
            ),
            notes=(
                "The contrast figures come from WCAG: 4.5:1 is level AA, 7:1 is level AAA. Use "
                "a contrast checker rather than trusting your eyes on a bright monitor."
            ),
        ),
        DemoSlide(
            title="Images, charts and colour",
            bullets=(
                "Write alt text that says what the image shows and why it matters",
                "Mark decorative images as decorative",
                "Put the chart's conclusion in the slide title",
                "Never rely on colour alone: add labels, patterns or icons",
            ),
            notes=(
                "“Sales grew 20% after the redesign” is a better chart title than “Sales "
                "2025–2026”. It helps everyone, not only people who can't see the chart."
            ),
        ),
        DemoSlide(
            title="Video and audio",
            bullets=(
                "Caption every video, and check automatic captions",
                "Offer a transcript for audio",
                "Don't autoplay",
                "Avoid anything that flashes more than three times a second",
            ),
        ),
        DemoSlide(
            title="When you present",
            bullets=(
                "Describe what's on the slide instead of saying “as you can see”",
                "Read out quotes and key numbers",
                "Repeat audience questions into the microphone",
                "Share the slides before the talk",
                "Leave each slide up long enough to read",
            ),
            notes=(
                "Sharing the slides in advance helps people who use magnification, people who "
                "read more slowly, and people following along in another language."
            ),
        ),
        DemoSlide(
            title="Sharing the file",
            bullets=(
                "Share the original file or a tagged PDF, not images of the slides",
                "Put your speaker notes in the notes field – they are content too",
                "Set the document title and language in the file properties",
                "Run the built-in accessibility checker before you share",
            ),
            notes=(
                "An export to images looks the same but throws away all the text. Nobody can "
                "search it, copy from it or have it read aloud."
            ),
        ),
        DemoSlide(
            title="A five-minute checklist",
            bullets=(
                "Every slide has a unique title",
                "Reading order checked",
                "Alt text on every meaningful image",
                "Contrast at least 4.5:1",
                "Captions on video",
                "Title and language set in the file properties",
            ),
        ),
    ),
)

SEARCH = DemoDeck(
    filename="search-that-finds-the-slide.pptx",
    title="Search that finds the slide",
    language="en",
    tags=("search", "full-text search", "PostgreSQL", "stemming", "web development"),
    collection=None,
    description=(
        "A conference talk on full-text search for a presentation library: inverted indexes, "
        "tokenising and stemming in two languages, ranking, and measuring whether it works."
    ),
    slides=(
        DemoSlide(
            title="Search that finds the slide",
            bullets=(
                "Full-text search for presentations, from inverted indexes to ranking",
                "Conference talk, 30 minutes",
            ),
            notes=(
                "The examples come from a small presentation library with decks in Swedish and "
                "English, but nothing here is specific to slides."
            ),
        ),
        DemoSlide(
            title="The problem",
            bullets=(
                "People remember a phrase, not a file name",
                "“That deck with the table about cost models”",
                "Slide text is short and fragmented: titles, bullets, notes",
                "Two languages in the same library",
                "Search has to be fast on a small server",
            ),
            notes=(
                "The second bullet is a real request from a user. Searching file names would "
                "never have found it; searching the text of the slides found it at once."
            ),
        ),
        DemoSlide(
            title="An inverted index in one slide",
            bullets=(
                "Map each term to the places where it occurs",
                "A query looks up each term and merges the lists",
                "The cost depends on the number of matches, not the size of the library",
            ),
            table=(
                ("Term", "Occurs in (deck:slide)"),
                ("index", "5:1, 5:3, 5:7, 5:8, 5:10, 6:5"),
                ("stemming", "5:4, 5:5"),
                ("ranking", "5:1, 5:6, 5:8"),
            ),
            notes=(
                "Postings lists are sorted, so you can store the gaps between IDs instead of the "
                "IDs themselves. Small numbers compress very well."
            ),
        ),
        DemoSlide(
            title="From text to terms",
            bullets=(
                "Tokenise: split on word boundaries and keep numbers",
                "Normalise: lower case and Unicode normalisation",
                "Fold accents only where the language allows it",
                "Remove stop words – or keep them for phrase search",
                "Stem, so that different forms of a word match",
            ),
            notes=(
                "In Swedish, å, ä and ö are letters of their own. Folding “får” (sheep) to "
                "“far” (father) merges two unrelated words. Accent folding is a per-language "
                "decision."
            ),
        ),
        DemoSlide(
            title="Stemming in two languages",
            bullets=("Choose the stemmer from the document's language",),
            table=(
                ("Word", "Language", "Stem"),
                ("presentations", "English", "present"),
                ("presenting", "English", "present"),
                ("kommunerna", "Swedish", "kommun"),
                ("samverkansformer", "Swedish", "samverkansform"),
            ),
            notes=(
                "Run an English stemmer on Swedish text and you get nonsense, and the other way "
                "round. Swedish compounds also need thought: a search for “samverkan” should "
                "probably find “samverkansformer”."
            ),
        ),
        DemoSlide(
            title="Ranking: what comes first",
            bullets=(
                "BM25: term frequency with saturation, rarity and length normalisation",
                "A hit in a title is worth more than a hit in the notes",
                "Boost phrase matches and terms close to each other",
                "Use freshness only as a gentle tie-breaker",
            ),
            notes=(
                "Field boosts give the biggest improvement for the least work. Slide titles "
                "are short and written to summarise, so a match there is a strong signal."
            ),
        ),
        DemoSlide(
            title="Search at the level of slides",
            bullets=(
                "Index every slide as its own document, with the deck as parent",
                "Show the matching slide's thumbnail and a snippet",
                "Link straight to the slide, not just to the deck",
                "Group results per deck so one deck doesn't fill the page",
            ),
        ),
        DemoSlide(
            title="What PostgreSQL gives you for free",
            bullets=(
                "tsvector and tsquery, with Swedish and English configurations",
                "GIN indexes for fast lookups",
                "ts_rank for ranking and ts_headline for snippets",
                "websearch_to_tsquery for search-box style queries",
                "SQLite's FTS5 if you need something smaller",
            ),
            notes=(
                "Store one tsvector per slide, built with the configuration that matches the "
                "deck's language, and weight the title higher than the body and the notes."
            ),
        ),
        DemoSlide(
            title="Measuring whether it works",
            bullets=("Keep a small list of queries and the slide each one should find",),
            table=(
                ("Query", "Expected slide", "Rank before", "Rank after"),
                ("kostnadsfördelning", "Samverkan, slide 7", "9", "1"),
                ("grannkommuner", "Höstkonferensen, slide 5", "not found", "2"),
                ("alt text", "Accessible presentations, slide 6", "3", "1"),
            ),
            notes=(
                "Run the list after every change to tokenising or ranking. Queries that return "
                "nothing at all are the best to-do list you will ever get."
            ),
        ),
        DemoSlide(
            title="Takeaways",
            bullets=(
                "Index slides, not just files",
                "Know the language of every document",
                "Boost titles",
                "Measure with a fixed set of queries",
            ),
        ),
    ),
)

ONE_MACHINE = DemoDeck(
    filename="scaling-on-one-machine.pptx",
    title="Scaling a small web service on one machine",
    language="en",
    tags=("performance", "web development", "PostgreSQL", "operations"),
    collection=None,
    description=(
        "A conference talk on how far one server goes: measuring first, fixing queries, "
        "moving slow work to a queue, and knowing when it is time to grow."
    ),
    slides=(
        DemoSlide(
            title="Scaling a small web service on one machine",
            bullets=(
                "How far one server goes, and how to tell when it's not enough",
                "Conference talk, 30 minutes",
            ),
            notes=(
                "The service in the examples is a document library with a few thousand users, "
                "running on one rented server with eight cores."
            ),
        ),
        DemoSlide(
            title="Why one machine?",
            bullets=(
                "One machine is easy to understand, back up and debug",
                "Today's servers have many cores and fast disks",
                "Most small services are slowed down by queries, not hardware",
                "Fewer moving parts, fewer night-time alarms",
            ),
            notes=(
                "This is not an argument against clusters. It is an argument for not building "
                "one before the numbers ask for it."
            ),
        ),
        DemoSlide(
            title="Measure before you change anything",
            bullets=(
                "Record median and 95th percentile response times per endpoint",
                "Watch CPU, memory, disk I/O and open connections",
                "Load test with realistic traffic, not just the front page",
                "Write down a baseline, so you know when things got better",
            ),
            notes=(
                "Averages hide the slow requests that users actually notice. The 95th "
                "percentile is a better measure of what a bad day feels like."
            ),
        ),
        DemoSlide(
            title="The usual suspects",
            bullets=(),
            table=(
                ("Symptom", "Likely cause", "First fix"),
                ("Slow list pages", "One query per row (N+1)", "Fetch related rows in one query"),
                ("Slow search", "LIKE '%term%' on a big table", "A full-text index"),
                (
                    "Timeouts under load",
                    "Too few workers, blocking I/O",
                    "Move slow work to a queue",
                ),
                ("High memory use", "Whole files read into memory", "Stream files instead"),
                ("Disk full", "Logs and temp files never removed", "Rotation and clean-up jobs"),
            ),
            notes=(
                "In our case the first three rows were responsible for almost every "
                "performance problem we had during the first year."
            ),
        ),
        DemoSlide(
            title="Treat the database well",
            bullets=(
                "Add the indexes your queries need, and check with EXPLAIN ANALYZE",
                "Use a connection pool",
                "Keep transactions short",
                "Make sure autovacuum keeps up",
                "Back up every night, and test that you can restore",
            ),
            notes=(
                "A backup you have never restored is a hope, not a backup. Schedule a restore "
                "test, for example once a month, onto a scratch database."
            ),
        ),
        DemoSlide(
            title="Move slow work out of the request",
            bullets=(
                "Conversions, thumbnails and e-mail go to a background queue",
                "The request returns at once and shows progress",
                "Retry with backoff, and make tasks safe to run twice",
                "Limit concurrency so background work can't starve the web",
            ),
            notes=(
                "Converting an uploaded file can take seconds or minutes. In a request, that is "
                "a timeout waiting to happen. In a queue, it is just a progress bar."
            ),
        ),
        DemoSlide(
            title="Serve static files like static files",
            bullets=(
                "Fingerprinted file names and long cache headers",
                "Compress once at build time, not on every request",
                "Let the web server or a small middleware serve them",
                "Thumbnails are static files too, once they exist",
            ),
        ),
        DemoSlide(
            title="Starting points for workers",
            bullets=(),
            table=(
                ("Setting", "Starting point", "Why"),
                ("Web workers", "2 × cores + 1", "A common rule of thumb for sync workers"),
                ("Background workers", "Half the cores", "Leaves room for web requests"),
                ("Request timeout", "30 seconds", "Stuck requests don't block the queue"),
            ),
            notes=(
                "These are starting points, not answers. Change one number at a time and "
                "measure again."
            ),
        ),
        DemoSlide(
            title="Knowing when it's time to grow",
            bullets=(
                "Response times stay high after the queries are fixed",
                "CPU is above 70 % for long periods",
                "Backups or restores take longer than you can accept",
                "You need to stay up during maintenance: that calls for a second machine",
            ),
            notes=(
                "Note the last point: availability is a different problem from capacity. Two "
                "machines is a much smaller step than a cluster."
            ),
        ),
        DemoSlide(
            title="Takeaways",
            bullets=(
                "Measure first",
                "Fix queries before you buy hardware",
                "Put slow work in a queue",
                "Grow when the numbers tell you to",
            ),
        ),
    ),
)

STADSODLING = DemoDeck(
    filename="stadsodling-for-nyborjare.pptx",
    title="Stadsodling för nybörjare",
    language="sv",
    tags=("odling", "stadsodling", "balkong", "trädgård"),
    collection=None,
    description=(
        "Kvällskurs om att odla grönsaker och kryddor på balkongen och i pallkragar: plats, "
        "kärl och jord, lätta grödor att börja med och vanliga problem."
    ),
    slides=(
        DemoSlide(
            title="Stadsodling för nybörjare",
            bullets=(
                "Från balkonglåda till pallkrage",
                "Kvällskurs i Odlarföreningen Solrosen, april 2026",
            ),
            notes=(
                "Välkommen! Ingen förkunskap behövs. Efter kvällen ska du kunna välja plats, "
                "kärl och jord och ha en första lista över vad du vill så."
            ),
        ),
        DemoSlide(
            title="Varför odla i stan?",
            bullets=(
                "Det är roligt och går fortare än man tror",
                "Färska kryddor och grönsaker precis utanför dörren",
                "Blommor lockar bin och andra pollinerare till gården",
                "Ett bra sätt att lära känna grannarna",
            ),
        ),
        DemoSlide(
            title="Välj plats",
            bullets=(
                "De flesta grönsaker vill ha minst sex timmars sol om dagen",
                "I skuggigare lägen: sallat, spenat, persilja och mynta",
                "Tänk på vinden, särskilt på höga balkonger",
                "Fråga vad föreningen eller hyresvärden tillåter",
                "Blöt jord är tung – tänk på vikten",
            ),
            notes=(
                "Ett enkelt sätt att mäta solen är att titta ut varje hel timme en solig lördag "
                "och skriva ner om platsen ligger i sol eller skugga."
            ),
        ),
        DemoSlide(
            title="Kärl och jord",
            bullets=(
                "Kärlen behöver hål i botten så att vattnet kan rinna ut",
                "Stora kärl torkar ut långsammare än små",
                "Använd planteringsjord, inte jord från rabatten",
                "En pallkrage blir bra med två kragars höjd",
            ),
            notes=(
                "Fyll pallkragen med grövre material längst ner, till exempel kvistar och löv, "
                "och med kompost och planteringsjord överst."
            ),
        ),
        DemoSlide(
            title="Lätta grödor att börja med",
            bullets=(),
            table=(
                ("Gröda", "Så eller plantera", "Skörd", "Tips"),
                ("Rädisor", "Maj–augusti", "Efter 4–6 veckor", "Så lite i taget, ofta"),
                ("Sallat", "Maj–juli", "Efter 6–8 veckor", "Plocka de yttre bladen"),
                ("Sockerärter", "Maj", "Juli–augusti", "Behöver något att klättra på"),
                ("Tomater", "Plantor ut i juni", "Augusti–september", "Den varmaste platsen"),
                ("Kryddor", "Maj–juni", "Hela sommaren", "Basilika vill ha värme"),
            ),
            notes=(
                "Tiderna gäller ungefär för Mellansverige. Längre söderut kan du börja ett par "
                "veckor tidigare, längre norrut får du vänta lite."
            ),
        ),
        DemoSlide(
            title="Vattning och näring",
            bullets=(
                "Vattna rejält och sällan hellre än lite och ofta",
                "Krukor på en solig balkong kan behöva vatten varje dag i juli",
                "Självbevattnande krukor hjälper under semestern",
                "Gödsla enligt förpackningen, till exempel med flytande gödsel",
                "Täck jorden med gräsklipp så torkar den långsammare",
            ),
        ),
        DemoSlide(
            title="Vanliga problem",
            bullets=(),
            table=(
                ("Problem", "Trolig orsak", "Gör så här"),
                (
                    "Gula blad",
                    "För lite näring eller för mycket vatten",
                    "Gödsla, se över dräneringen",
                ),
                ("Bladlöss", "Varmt och skyddat läge", "Spola av med vatten"),
                ("Långa, bleka plantor", "För lite ljus", "Flytta till en ljusare plats"),
                ("Sniglar", "Fuktigt väder", "Plocka på kvällen, odla högre upp"),
            ),
            notes=(
                "Nyckelpigor och deras larver äter gärna bladlöss. Låt dem vara, så brukar "
                "problemet lösa sig självt efter ett par veckor."
            ),
        ),
        DemoSlide(
            title="Odla tillsammans",
            bullets=(
                "Många kommuner har odlingslotter att hyra",
                "Fråga bostadsområdet om en gemensam pallkrage på gården",
                "Byt fröer och plantor med grannarna",
                "Kompostera tillsammans",
            ),
            notes=(
                "Solrosen har en fröbytardag i slutet av april. Ta med det du har över, så får "
                "du med dig något nytt hem."
            ),
        ),
        DemoSlide(
            title="Att göra den här veckan",
            bullets=(
                "Välj plats och räkna solens timmar",
                "Skaffa två kärl och en säck planteringsjord",
                "Så rädisor och sallat",
                "Skriv ner vad du har sått och när",
            ),
        ),
    ),
)

DECKS: tuple[DemoDeck, ...] = (
    HOSTKONFERENSEN,
    SAMVERKAN,
    TILLGANGLIGHET,
    ACCESSIBLE_PRESENTATIONS,
    SEARCH,
    ONE_MACHINE,
    STADSODLING,
)


@dataclass(frozen=True)
class DemoCollection:
    name: str
    date: str  # ISO date
    place: str


COLLECTIONS = (DemoCollection(CONFERENCE, "2026-10-15", "Konferensgården Ekudden, Sjöbacka"),)
