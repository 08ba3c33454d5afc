//! The texts of `--help` and of the manual pages in Finnish, Swedish and
//! English: each command's description and each argument's help, keyed by
//! the command's path ("forecast", "scenario diff"; "" for the tool) and
//! the argument's id. The English is the derive's own (the doc comments of
//! [`super`]); a test holds the two equal and finds every text the command
//! tree shows here in all three languages.

use crate::report::Lang;

/// What of a command a text is.
#[derive(Debug, PartialEq, Eq)]
pub enum Part<'a> {
    /// The line under the command's name and in the list of commands.
    About,
    /// An argument's help, by its id ("workbook", "allow_unknown").
    Arg(&'a str),
    /// The help of one value of an argument.
    Value(&'a str, &'a str),
}

/// One text in the three languages.
pub struct Text {
    /// The commands it is for: a path, or [`ANY`].
    pub command: &'static str,
    pub part: Part<'static>,
    pub fi: &'static str,
    pub sv: &'static str,
    pub en: &'static str,
}

impl Text {
    pub fn get(&self, lang: Lang) -> &'static str {
        lang.tr(self.fi, self.sv, self.en)
    }
}

/// The command of a text shared by every command that has the argument;
/// a text for one command's path goes before it.
pub const ANY: &str = "*";

/// The text of `part` of the command at `path`: its own, else the shared.
pub fn find(path: &str, part: &Part) -> Option<&'static Text> {
    let of = |command: &str| {
        TEXTS
            .iter()
            .find(|t| t.command == command && t.part == *part)
    };
    match part {
        Part::About => of(path),
        _ => of(path).or_else(|| of(ANY)),
    }
}

const fn about(
    command: &'static str,
    fi: &'static str,
    sv: &'static str,
    en: &'static str,
) -> Text {
    Text {
        command,
        part: Part::About,
        fi,
        sv,
        en,
    }
}

const fn arg(
    command: &'static str,
    id: &'static str,
    fi: &'static str,
    sv: &'static str,
    en: &'static str,
) -> Text {
    Text {
        command,
        part: Part::Arg(id),
        fi,
        sv,
        en,
    }
}

pub static TEXTS: &[Text] = &[
    about(
        "",
        "Tarkistaa ja mittaa suomalaisen kunnan tilinpäätöksen strategiaa \"Kestävä talous kivijalkana\" vasten.",
        "Granskar och mäter en finländsk kommuns bokslut mot strategin \"Hållbar ekonomi som grund\".",
        "Checks and measures a Finnish municipality's financial statements against the strategy \"Kestävä talous kivijalkana\".",
    ),
    // The flags many commands share, worded alike wherever they appear.
    arg(
        ANY,
        "workbook",
        "Tilinpäätöksen työkirja (xlsx, xls, ods)",
        "Arbetsboken med bokslutet (xlsx, xls, ods)",
        "The statement workbook (xlsx, xls, ods)",
    ),
    arg(
        ANY,
        "targets",
        "Tavoitetiedosto (TOML); oletus: strategian omat tavoitteet",
        "Målfil (TOML); standard: strategins egna mål",
        "Targets file (TOML); default: the strategy's own targets",
    ),
    arg(
        ANY,
        "index",
        "Hintaindeksi-CSV (vuosi, muutos %) toimitetun KPHI-sarjan päälle; voi toistua",
        "Prisindex-CSV (år, förändring %) lagd över den medföljande KPHI-serien; kan upprepas",
        "Price-index CSV (year, change %) laid over the shipped KPHI series; may repeat",
    ),
    arg(
        ANY,
        "lang",
        "Tulosteen kieli (oletus: KIVIJALKA_LANG, muuten suomi)",
        "Utdatans språk (standard: KIVIJALKA_LANG, annars finska)",
        "The language of the output (default: KIVIJALKA_LANG, else Finnish)",
    ),
    arg(
        ANY,
        "format",
        "Tulosteen muoto: taulukko luettavaksi, CSV tai JSON ohjelmille",
        "Utdatans format: en tabell att läsa, CSV eller JSON för program",
        "Output format: a table for reading, CSV or JSON for programs",
    ),
    arg(
        ANY,
        "out",
        "Kirjoita tuloste tähän tiedostoon (kokonaan tai ei lainkaan) vakiotulosteen sijaan",
        "Skriv utdata till den här filen (hel eller inte alls) i stället för till standard ut",
        "Write the output to this file (written whole or not at all) instead of stdout",
    ),
    arg(
        ANY,
        "wide",
        "Tulosta taulukot täysleveinä kapeammallakin päätteellä (tiedostot ja putket saavat ne aina sellaisina)",
        "Skriv tabellerna i full bredd även i en smalare terminal (filer och rör får den alltid)",
        "Print tables at full width even on a narrower terminal (files and pipes always get it)",
    ),
    arg(
        ANY,
        "years",
        "Vain nämä vuodet, muodossa 2022-2026 tai 2024",
        "Endast dessa år, som 2022-2026 eller 2024",
        "Only these years, as 2022-2026 or 2024",
    ),
    arg(
        ANY,
        "allow_unknown",
        "Lue muu osa työkirjasta, jossa on tuntemattomia rivejä tai lukukelvottomia soluja",
        "Läs resten av en arbetsbok som har okända rader eller oläsbara celler",
        "Read the rest of a workbook that has unknown lines or unreadable cells",
    ),
    arg(
        ANY,
        "explain",
        "Tulosta lukujen sijaan kukin kaava ja sen lähde",
        "Skriv ut varje formel och dess källa i stället för talen",
        "Print each formula and its source instead of the figures",
    ),
    arg(
        ANY,
        "start",
        "Ennusta tästä toteutuneesta vuodesta (oletus: työkirjan viimeinen); myöhemmät vuodet jätetään pois",
        "Prognostisera från det här utfallsåret (standard: arbetsbokens sista); senare år lämnas bort",
        "Project from this actual year (default: the workbook's last); later years are ignored",
    ),
    arg(
        ANY,
        "horizon",
        "Viimeinen ennustevuosi (oletus: skenaarion, muuten start + 10)",
        "Det sista prognosåret (standard: scenariots, annars start + 10)",
        "The last projected year (default: the scenario's, or start + 10)",
    ),
    arg(
        ANY,
        "rules",
        "110 §:n ja 118 §:n sääntökirja (TOML, kuten data/statutory.toml) toimitetun päälle: sen kohdat korvaavat saman vuoden kohdat",
        "En regelbok för 110 § och 118 § (TOML, som data/statutory.toml) lagd över den medföljande: dess poster ersätter dem för samma år",
        "A 110 §/118 § rule book (TOML, as data/statutory.toml) laid over the shipped one: its entries replace those of the same year",
    ),
    about(
        "indicators",
        "Strategian viisi indikaattoria vuosittain ja tavoitteiden toteutuminen",
        "Strategins fem indikatorer per år, med målens status",
        "The five strategy indicators by year, with target status",
    ),
    about(
        "ratios",
        "Vakiintuneet tunnusluvut kaupungille ja konsernille",
        "De vedertagna nyckeltalen för staden och koncernen",
        "The standard key ratios (tunnusluvut) for the city and the group",
    ),
    about(
        "check",
        "Tarkistaa työkirjan; poistumiskoodi 1, kun siinä on virheitä",
        "Granskar arbetsboken; slutkod 1 när den har fel",
        "Validates the workbook; exit code 1 when it has errors",
    ),
    about(
        "statements",
        "Laskelmat luettuina erä erältä, kunkin erän rivi työkirjassa mukana",
        "Räkenskaperna som de lästes, post för post, med raden varje post kom från",
        "The statements as read, line by line, with the row each came from",
    ),
    about(
        "forecast",
        "Ennustaa laskelmat skenaarion mukaan; viisi indikaattoria vuosittain ennustejakson loppuun",
        "Prognostiserar räkenskaperna enligt ett scenario; de fem indikatorerna per år till horisonten",
        "Projects the statements under a scenario; the five indicators by year to the horizon",
    ),
    arg(
        "forecast",
        "scenario",
        "Skenaariotiedosto (TOML); oletus: talousarvio ja -suunnitelma sellaisinaan, sitten oletusajurit",
        "Scenariofil (TOML); standard: budgeten och ekonomiplanen som de är, sedan standarddrivarna",
        "Scenario file (TOML); default: the budget and plan as given, then the default drivers",
    ),
    arg(
        "forecast",
        "show",
        "Mitä näytetään: indikaattorit ajurit vierellään tai ennustetut laskelmat",
        "Vad som visas: indikatorerna med drivarna bredvid, eller de prognostiserade räkenskaperna",
        "What to show: the indicators with the drivers beside them, or the projected statements",
    ),
    Text {
        command: "forecast",
        part: Part::Value("show", "drivers"),
        fi: "Ajurit ja keskeiset luvut vuosittain (väestö, verot, lainat, kassa, ...)",
        sv: "Drivarna och de centrala talen per år (befolkning, skatter, lån, kassa, ...)",
        en: "The drivers and key figures by year (population, tax, loans, cash, ...)",
    },
    about(
        "compare",
        "Skenaariot rinnakkain: kunkin indikaattorin kehitys ja kohdat, joissa tavoitteen tila muuttuu",
        "Scenarier sida vid sida: varje indikators bana och var ett måls status ändras",
        "Scenarios side by side: each indicator's path and where a target's status changes",
    ),
    arg(
        "compare",
        "scenarios",
        "Skenaariotiedostot; ensimmäinen on perusura, johon muita verrataan",
        "Scenariofiler; den första är basen som de andra jämförs med",
        "Scenario files; the first is the baseline the others are compared with",
    ),
    about(
        "solve",
        "Pienin vivun liike (veroprosentti, säästöt, investointikatto), jolla jokainen tavoite pysyy",
        "Den minsta rörelsen av en hävstång (skattesats, besparingar, investeringstak) som håller varje mål",
        "The smallest move of a lever (tax rate, savings, investment cap) that keeps every target",
    ),
    arg(
        "solve",
        "scenario",
        "Skenaario, josta vipua liikutetaan",
        "Scenariot som hävstången flyttas från",
        "The scenario the lever is moved from",
    ),
    arg(
        "solve",
        "lever",
        "tax-rate[:MAX_PP], savings[:MAX_EUR] tai investment-cap[:MIN_EUR]; useita käytetään annetussa järjestyksessä, kutakin vasta kun edelliset rajoillaan eivät riitä",
        "tax-rate[:MAX_PP], savings[:MAX_EUR] eller investment-cap[:MIN_EUR]; flera används i angiven ordning, var och en först när de föregående vid sina gränser inte räcker",
        "tax-rate[:MAX_PP], savings[:MAX_EUR] or investment-cap[:MIN_EUR]; several are used in the order given, each only when the ones before it at their bound are not enough",
    ),
    arg(
        "solve",
        "by",
        "Jokaisen tavoitteen on pysyttävä joka vuosi tähän vuoteen asti (oletus: ennustejakson loppu)",
        "Varje mål ska hålla varje år till och med detta (standard: horisonten)",
        "Every target must hold in every year up to this one (default: the horizon)",
    ),
    arg(
        "solve",
        "from",
        "Ensimmäinen vuosi, jona vipu liikkuu, ja tarkistettavista vuosista ensimmäinen (oletus: ensimmäinen ennustevuosi)",
        "Det första året hävstången rör sig, och det första av de granskade åren (standard: det första prognosåret)",
        "The first year the lever moves, and of the years checked (default: the first projected year)",
    ),
    arg(
        "solve",
        "indicators",
        "Vain näiden indikaattorien on pysyttävä, muodossa 1,2,5 (oletus: kaikki viisi; --statutory-valinnalla ei yhtään)",
        "Endast dessa indikatorer ska hålla, som 1,2,5 (standard: alla fem; inga med --statutory)",
        "Only these indicators must hold, as 1,2,5 (default: all five; none with --statutory)",
    ),
    arg(
        "solve",
        "statutory",
        "Tavoitteena kuntalain 110 § ja 118 §: ei alijäämää yli määräajan eikä täyttynyttä 118 §:n perustetta tarkistettavina vuosina (--indicators-valinnalla myös niiden tavoitteet)",
        "Kommunallagen 110 § och 118 § som mål: inget underskott efter tidsfristen och ingen uppfylld grund enligt 118 § under de granskade åren (med --indicators även de målen)",
        "Kuntalaki 110 § and 118 § as the goal: no deficit past its deadline and no 118 § ground met in the years checked (with --indicators, those targets too)",
    ),
    arg(
        "solve",
        "rules",
        "--statutory-valinnan kanssa sääntökirja (TOML, kuten data/statutory.toml) toimitetun päälle",
        "Med --statutory en regelbok (TOML, som data/statutory.toml) lagd över den medföljande",
        "With --statutory, a rule book (TOML, as data/statutory.toml) laid over the shipped one",
    ),
    about(
        "simulate",
        "Kuinka todennäköisesti kukin tavoite toteutuu: Monte Carlo -simulointi skenaarion epävarmoilla ajureilla",
        "Hur sannolikt det är att varje mål håller: Monte Carlo-simulering över scenariots osäkra drivare",
        "How likely each target is to hold: Monte Carlo over the scenario's uncertain drivers",
    ),
    arg(
        "simulate",
        "scenario",
        "Skenaario, jossa on [[uncertainty]]-kohtia",
        "Scenariot med [[uncertainty]]-poster",
        "The scenario with [[uncertainty]] entries",
    ),
    arg(
        "simulate",
        "paths",
        "Simuloitujen polkujen määrä",
        "Antalet simulerade banor",
        "Number of simulated paths",
    ),
    arg(
        "simulate",
        "seed",
        "Siemenluku: sama siemenluku antaa samat luvut joka koneella",
        "Fröet: samma frö ger samma tal på varje dator",
        "The seed: the same seed gives the same numbers on every machine",
    ),
    arg(
        "simulate",
        "jobs",
        "Työsäikeet (oletus: kaikki ytimet); tulos ei riipu niistä",
        "Arbetstrådar (standard: alla kärnor); resultatet beror inte på dem",
        "Worker threads (default: all cores); the result does not depend on it",
    ),
    about(
        "sensitivity",
        "Kukin epävarma ajuri yksinään 5. ja 95. persentiilissään: mikä liikuttaa kutakin tavoitetta eniten",
        "Varje osäker drivare för sig vid sin 5:e och 95:e percentil: vad som rör varje mål mest",
        "Each uncertain driver alone at its 5th and 95th percentile: what moves each target most",
    ),
    arg(
        "sensitivity",
        "scenario",
        "Skenaario, jossa on [[uncertainty]]-kohtia",
        "Scenariot med [[uncertainty]]-poster",
        "The scenario with [[uncertainty]] entries",
    ),
    about(
        "report",
        "Valtuustoraportti: Excel (--out report.xlsx) tai yksi itsenäinen HTML-sivu (--out report.html)",
        "En rapport till fullmäktige: Excel (--out report.xlsx) eller en fristående HTML-sida (--out report.html)",
        "A council report: Excel (--out report.xlsx) or one self-contained HTML page (--out report.html)",
    ),
    arg(
        "report",
        "out",
        "Raportin tiedosto, Excel (.xlsx) tai HTML (.html), kirjoitetaan kokonaan tai ei lainkaan",
        "Rapportens fil, Excel (.xlsx) eller HTML (.html), skrivs hel eller inte alls",
        "The report's file, Excel (.xlsx) or HTML (.html), written whole or not at all",
    ),
    arg(
        "report",
        "scenario",
        "Skenaariotiedostot; yhteenveto näyttää ensimmäisen, kaikkia verrataan keskenään",
        "Scenariofiler; sammanfattningen visar den första, alla jämförs",
        "Scenario files; the first is the one the summary shows, all are compared",
    ),
    arg(
        "report",
        "simulate",
        "Simuloi myös jokainen epävarmoja ajureita sisältävä skenaario näin monella polulla (viuhkakaaviot), kukin samalla siemenluvulla",
        "Simulera också varje scenario med osäkra drivare över så här många banor (solfjäderdiagram), vart och ett med samma frö",
        "Also simulate every scenario with uncertain drivers over this many paths (fan charts), each with the same seed",
    ),
    arg(
        "report",
        "seed",
        "Simuloinnin siemenluku",
        "Simuleringens frö",
        "The simulation's seed",
    ),
    arg(
        "report",
        "sensitivity",
        "Myös herkkyys epävarmoille ajureille jokaisesta skenaariosta, jossa niitä on (tornadokaaviot)",
        "Också känsligheten för de osäkra drivarna i varje scenario som har dem (tornadodiagram)",
        "Also the sensitivity to the uncertain drivers of every scenario that has them (tornado charts)",
    ),
    about(
        "batch",
        "Indikaattorit (ja ennusteet) monelle kunnalle: raportti kustakin ja yhteenveto vertailutilastoineen",
        "Indikatorer (och prognoser) för många kommuner: en rapport för varje och en sammanfattning med jämförelsestatistik",
        "Indicators (and forecasts) for many municipalities: a report each and a summary with peer statistics",
    ),
    arg(
        "batch",
        "inputs",
        "Työkirjat, pitkät taulukot (CSV, tai Parquet parquet-käännöksessä: kunta, vuosi, erä, arvo, ...) tai niitä sisältävät kansiot",
        "Arbetsböcker, långa tabeller (CSV, eller Parquet i en parquet-version: kommun, år, post, värde, ...) eller mappar med dem",
        "Workbooks, long tables (CSV, or Parquet in a parquet build: municipality, year, item, value, ...) or folders of them",
    ),
    arg(
        "batch",
        "out",
        "Raporttien ja yhteenvedon kansio (luodaan, jos puuttuu)",
        "Mappen för rapporterna och sammanfattningen (skapas om den saknas)",
        "The folder for the reports and the summary (created if missing)",
    ),
    arg(
        "batch",
        "scenario",
        "Skenaariotiedostot; kun niitä on yksi tai useampi, jokaiselle kunnalle tehdään myös ennuste",
        "Scenariofiler; med en eller flera prognostiseras också varje kommun",
        "Scenario files; with one or more, each municipality is also projected",
    ),
    arg(
        "batch",
        "report",
        "Kustakin kunnasta kirjoitettava raportti",
        "Rapporten som skrivs för varje kommun",
        "The report written for each municipality",
    ),
    arg(
        "batch",
        "jobs",
        "Työsäikeet (oletus: kaikki ytimet)",
        "Arbetstrådar (standard: alla kärnor)",
        "Worker threads (default: all cores)",
    ),
    arg(
        "batch",
        "simulate",
        "Simuloi myös kukin kunta näin monella polulla: viuhkakaaviot sen raporttiin ja yhteenvetoon todennäköisyys, jolla kukin tavoite toteutuu (ensimmäisellä skenaariolla, jossa on oltava [[uncertainty]]-kohtia)",
        "Simulera också varje kommun över så här många banor: solfjäderdiagram i dess rapport och sannolikheten att varje mål håller (under det första scenariot, som behöver [[uncertainty]]-poster) i sammanfattningen",
        "Also simulate each municipality over this many paths: fan charts in its report, and the probability that each target holds (under the first scenario, which needs [[uncertainty]] entries) in the summary",
    ),
    arg(
        "batch",
        "seed",
        "Simuloinnin siemenluku (sama jokaiselle kunnalle)",
        "Simuleringens frö (samma för varje kommun)",
        "The simulation's seed (the same for every municipality)",
    ),
    arg(
        "batch",
        "panel",
        "Kirjoita myös paneeli, jokainen luettu luku ja jokainen indikaattori vertailutilastoineen, kukin omalla rivillään (docs/panel.md): FILE.csv, tai FILE.parquet `parquet`-ominaisuudella käännetyssä ohjelmassa",
        "Skriv också panelen, varje inläst tal och varje indikator med jämförelsestatistik, en rad var (docs/panel.md): FILE.csv, eller FILE.parquet i ett program byggt med funktionen `parquet`",
        "Also write the panel, every figure read and every indicator with its peer statistics, one row each (docs/panel.md): FILE.csv, or FILE.parquet in a build with the `parquet` feature",
    ),
    arg(
        "batch",
        "shard",
        "Aja vain osa I N:stä (esim. 2/4): kunnat, joiden koodin tiiviste osuu siihen. `batch --merge` yhdistää osien kansiot",
        "Kör bara del I av N (t.ex. 2/4): de kommuner vars kod hashas till den. `batch --merge` slår ihop delarnas mappar",
        "Run only shard I of N (e.g. 2/4): the municipalities whose code hashes to it. `batch --merge` joins the shards' folders",
    ),
    arg(
        "batch",
        "peer_group",
        "Sijoita ja vertaa kutakin kuntaa myös sen vertailuryhmässä, jonka pitkän taulukon tämä sarake nimeää (alue, kuntatyyppi; yksi arvo kuntaa kohden), kaikkien kuntien rinnalla; oletuksena asukasluvun kokoluokassa",
        "Rangordna och jämför varje kommun också inom den jämförelsegrupp som den här kolumnen i långa tabeller anger (en region, en typ; ett värde per kommun), vid sidan av alla kommuner; som standard inom dess storleksklass efter invånarantal",
        "Rank and compare each municipality within the peer group named in this column of the long tables (a region, a type; one value per municipality), beside all municipalities; by default within its population size class",
    ),
    arg(
        "batch",
        "peer_group_file",
        "Sijoita ja vertaa kutakin kuntaa ryhmässä, jonka tämän tiedoston rivit `code,group` sille antavat (otsikkorivi, sitten kunta riviä kohden), työkirjoille ja pitkille taulukoille; kunta, jota tiedostossa ei ole, ei kuulu mihinkään ryhmään",
        "Rangordna och jämför varje kommun inom den grupp som filens rader `code,group` ger den (en rubrikrad, sedan en kommun per rad), för arbetsböcker och långa tabeller; en kommun som saknas i filen hör inte till någon grupp",
        "Rank and compare each municipality within its group in this file of lines `code,group` (a header, then a municipality a line), for workbooks and long tables alike; a municipality the file leaves out is in no group",
    ),
    arg(
        "batch",
        "merge",
        "Syötteet ovat `--shard`-ajojen --out-kansioita: niiden yhteenveto ja vertailut niistä kaikista, kuten yksi jakamaton ajo antaisi",
        "Indata är --out-mapparna från `--shard`-körningar: deras sammanfattning och jämförelser över dem alla, som en odelad körning skulle ge",
        "The inputs are the --out folders of `--shard` runs: their summary, peers over all of them, as one unsharded run would give",
    ),
    about(
        "statutory",
        "Kuntalain 110 § (alijäämä katettu ajallaan, suunnitelma tasapainossa) ja 118 § (arviointimenettelyn kriteerit) vuosittain; poistumiskoodi 1, kun määräaika ylittyy, peruste täyttyy tai suunnitelma on alijäämäinen",
        "Kommunallagen 110 § (underskottet täckt i tid, planen i balans) och 118 § (kriterierna för utvärderingsförfarandet) per år; slutkod 1 när en tidsfrist överskrids, en grund uppfylls eller planen visar underskott",
        "Kuntalaki 110 § (a deficit covered in time, the plan balanced) and 118 § (the assessment procedure's criteria) by year; exit code 1 when a deadline is missed, a ground is met or the plan is in deficit",
    ),
    arg(
        "statutory",
        "scenario",
        "Skenaariotiedosto (TOML): myös ennustevuodet, arvioituina samoin",
        "Scenariofil (TOML): också prognosåren, bedömda på samma sätt",
        "Scenario file (TOML): also the projected years, judged alike",
    ),
    arg(
        "statutory",
        "rules",
        "Sääntökirja (TOML, kuten data/statutory.toml) toimitetun päälle: sen kohdat korvaavat saman vuoden kohdat",
        "En regelbok (TOML, som data/statutory.toml) lagd över den medföljande: dess poster ersätter dem för samma år",
        "A rule book (TOML, as data/statutory.toml) laid over the shipped one: its entries replace those of the same year",
    ),
    arg(
        "statutory",
        "start",
        "--scenario-valinnan kanssa: ennusta tästä toteutuneesta vuodesta (oletus: työkirjan viimeinen)",
        "Med --scenario: prognostisera från det här utfallsåret (standard: arbetsbokens sista)",
        "With --scenario: project from this actual year (default: the workbook's last)",
    ),
    arg(
        "statutory",
        "horizon",
        "--scenario-valinnan kanssa: viimeinen ennustevuosi (oletus: skenaarion, muuten start + 10)",
        "Med --scenario: det sista prognosåret (standard: scenariots, annars start + 10)",
        "With --scenario: the last projected year (default: the scenario's, or start + 10)",
    ),
    arg(
        "statutory",
        "extension_granted",
        "Vuosi, jona syntyneen alijäämän kattamiskautta valtiovarainministeriö on jatkanut kuntalain 110 a §:n nojalla; voi toistua",
        "Året då ett underskott uppstod vars tidsfrist finansministeriet har förlängt enligt 110 a § i kommunallagen; kan upprepas",
        "The year a deficit arose whose deadline the Ministry of Finance extended under Kuntalaki 110 a §; may repeat",
    ),
    about(
        "scenario",
        "Skenaariotiedostot: mikä kahdessa eroaa, avainten luettelo, voimassa olevat asetukset",
        "Scenariofiler: vad som skiljer två åt, referensen över nycklarna, inställningarna som gäller",
        "Scenario files: what differs between two, the reference of keys, the settings in effect",
    ),
    about(
        "scenario diff",
        "Kertoo sanoin, mikä kahdessa skenaariotiedostossa eroaa",
        "Säger med ord vad som skiljer två scenariofiler åt",
        "Says in words what differs between two scenario files",
    ),
    arg(
        "scenario diff",
        "a",
        "Ensimmäinen skenaariotiedosto (TOML)",
        "Den första scenariofilen (TOML)",
        "The first scenario file (TOML)",
    ),
    arg(
        "scenario diff",
        "b",
        "Toinen skenaariotiedosto, jota verrataan ensimmäiseen",
        "Den andra scenariofilen, jämförd med den första",
        "The second scenario file, compared with the first",
    ),
    about(
        "scenario show",
        "Skenaariotiedoston antamat asetukset `extends`-perinnän jälkeen, oletusarvot nimettyinä",
        "Inställningarna en scenariofil ger, efter `extends`, med standardvärdena namngivna",
        "The settings a scenario file gives, after `extends`, with defaults named",
    ),
    arg(
        "scenario show",
        "file",
        "Skenaariotiedosto (TOML)",
        "Scenariofilen (TOML)",
        "The scenario file (TOML)",
    ),
    about(
        "scenario keys",
        "Luettelo kaikista avaimista, joita skenaariotiedostossa voi olla (Markdown)",
        "Referensen över varje nyckel en scenariofil kan innehålla (Markdown)",
        "The reference of every key a scenario file may hold (Markdown)",
    ),
    about(
        "completions",
        "Komentotulkin täydennykset bashille, zsh:lle, fishille tai PowerShellille vakiotulosteeseen",
        "Skalkompletteringar för bash, zsh, fish eller PowerShell, till standard ut",
        "Shell completions for bash, zsh, fish or PowerShell, printed to stdout",
    ),
    arg(
        "completions",
        "shell",
        "Komentotulkki, jolle täydennykset tehdään",
        "Skalet som kompletteringarna är för",
        "The shell the completions are for",
    ),
    about(
        "man",
        "Ohjesivu (man, roff) koko ohjelmasta tai yhdestä komennosta vakiotulosteeseen",
        "Manualsidan (roff) för kivijalka eller för ett kommando, till standard ut",
        "The manual page (roff) of kivijalka or of one command, printed to stdout",
    ),
    arg(
        "man",
        "command",
        "Komento, jonka sivu tulostetaan (oletus: koko ohjelman sivu)",
        "Kommandot vars sida skrivs ut (standard: sidan för hela kivijalka)",
        "The command whose page to print (default: kivijalka's own)",
    ),
    about(
        "lines",
        "Laskelmien erät, jotka kivijalka tuntee, nimineen suomeksi, ruotsiksi ja englanniksi",
        "Posterna i räkenskaperna som kivijalka känner, med sina finska, svenska och engelska namn",
        "The statement lines kivijalka knows, with their Finnish, Swedish and English names",
    ),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::localized::join;
    use clap::CommandFactory;

    /// Every command of the derive with its path, the tool first.
    fn commands() -> Vec<(String, clap::Command)> {
        fn walk(cmd: &clap::Command, path: String, out: &mut Vec<(String, clap::Command)>) {
            for sub in cmd.get_subcommands() {
                walk(sub, join(&path, sub.get_name()), out);
            }
            out.push((path, cmd.clone()));
        }
        let mut out = Vec::new();
        walk(&crate::cli::Cli::command(), String::new(), &mut out);
        out
    }

    fn three(t: &Text, what: &str) {
        for (lang, text) in [("fi", t.fi), ("sv", t.sv), ("en", t.en)] {
            assert!(!text.trim().is_empty(), "{what}: no {lang} text");
        }
        assert!(
            t.fi != t.en && t.sv != t.en && t.fi != t.sv,
            "{what}: a text left untranslated"
        );
    }

    #[test]
    fn every_text_the_help_shows_is_here_in_three_languages_and_its_english_is_the_derives() {
        for (path, cmd) in commands() {
            if let Some(about) = cmd.get_about() {
                let t = find(&path, &Part::About)
                    .unwrap_or_else(|| panic!("command '{path}': no description"));
                three(t, &path);
                assert_eq!(t.en, about.to_string(), "command '{path}'");
            }
            for arg in cmd.get_arguments() {
                let id = arg.get_id().as_str();
                let what = format!("'{path}' {id}");
                if let Some(help) = arg.get_help() {
                    let t = find(&path, &Part::Arg(id))
                        .unwrap_or_else(|| panic!("{what}: no help text"));
                    three(t, &what);
                    assert_eq!(t.en, help.to_string(), "{what}");
                }
                for value in arg.get_possible_values() {
                    let Some(help) = value.get_help() else {
                        continue;
                    };
                    let t = find(&path, &Part::Value(id, value.get_name()))
                        .unwrap_or_else(|| panic!("{what} {}: no help text", value.get_name()));
                    three(t, &what);
                    assert_eq!(t.en, help.to_string(), "{what}");
                }
            }
        }
    }

    /// A flag listed with no words beside it leaves the user guessing; the
    /// test above only checks the words that exist.
    #[test]
    fn every_argument_the_help_lists_says_what_it_is() {
        let mut silent = Vec::new();
        for (path, cmd) in commands() {
            for arg in cmd.get_arguments() {
                let id = arg.get_id().as_str();
                if !(arg.is_hide_set()
                    || id == "help"
                    || id == "version"
                    || arg.get_help().is_some())
                {
                    silent.push(format!("'{path}' {id}"));
                }
            }
        }
        assert!(silent.is_empty(), "no help text: {silent:?}");
    }

    /// Whether the command at `path` shows `part` (any command, for [`ANY`]).
    fn shown(commands: &[(String, clap::Command)], path: &str, part: &Part) -> bool {
        commands
            .iter()
            .filter(|(p, _)| path == ANY || p == path)
            .any(|(_, cmd)| match part {
                Part::About => cmd.get_about().is_some(),
                Part::Arg(id) => {
                    (cmd.get_arguments()).any(|a| a.get_id() == *id && a.get_help().is_some())
                }
                Part::Value(id, name) => cmd
                    .get_arguments()
                    .filter(|a| a.get_id() == *id)
                    .flat_map(|a| a.get_possible_values())
                    .any(|v| v.get_name() == *name && v.get_help().is_some()),
            })
    }

    #[test]
    fn every_text_here_is_of_a_command_and_argument_that_exist() {
        let commands = commands();
        for t in TEXTS {
            assert!(
                shown(&commands, t.command, &t.part),
                "'{}' {:?}: no such command or argument with help",
                t.command,
                t.part
            );
            let twice = TEXTS
                .iter()
                .filter(|u| u.command == t.command && u.part == t.part);
            assert_eq!(twice.count(), 1, "'{}' {:?} twice", t.command, t.part);
        }
        assert!(
            TEXTS
                .iter()
                .all(|t| t.command != ANY || t.part != Part::About)
        );
    }
}
