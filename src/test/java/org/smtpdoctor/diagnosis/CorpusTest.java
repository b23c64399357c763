package org.smtpdoctor.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smtpdoctor.probe.Phase;
import org.smtpdoctor.probe.SignInPayloads;
import org.smtpdoctor.settings.Setting;

/**
 * Real replies and client error messages from public issue trackers, forums, provider help pages and MTA sources
 * (exact text, source noted), each labelled with the setting that had to change and the settings an expert would
 * also accept. Two splits, one file or more each under {@code src/test/resources/diagnosis/corpus/}:
 * <ul>
 *   <li>{@code train*.jsonl}: rules may be written from these records;</li>
 *   <li>{@code fresh-*.jsonl}: never read while writing rules. New records always enter here; the accuracy on
 *       them measures how well the diagnosis holds on messages its authors never tuned on.</li>
 * </ul>
 * The test prints train misses in full but only counts and confusion pairs for the fresh split, so that running
 * it while writing rules does not show the fresh texts.
 */
class CorpusTest {

    /**
     * The issue's targets are train 98 % and fresh 88 %; neither is reached, and the build enforces the measured
     * floors, rounded down, so that a regression fails. Each fresh round was scored before any rule it prompted and
     * later promoted to train, so train holds six rounds of messages collected from sources its rules had never
     * seen, including same-text records whose sources fixed them differently (a text-only reader cannot satisfy
     * both). History: train 885 records at 98.1 % before the promotions; 1,567 at 95.8 % (2026-12-06, second
     * session). Third session: round 4 (340, 77.4 % after three passes) was promoted; rounds 6, 7 and 8 (about 250
     * each, new sources, collected blind) scored 71.0 %, 70.3 % and 71.2 % with the rules they met; four dangerous
     * answers among them moved to train. Two passes of rules written from train only (round 6 promoted between them)
     * took train to 2,050/2,161 = 94.9 % and moved fresh (rounds 5, 7, 8, never tuned on) from 71.4 % to 72.5 %
     * (482/665; round 8 alone 71.2 % to 72.1 %). Fourth session: round 9 (219, new sources) scored 73.5 % with the
     * rules it met; the word evidence now overrules a low-confidence rule of reply codes alone (chosen on rounds 4
     * and 6 as they were before rules were written from them), a sixth pass of rules from train and fixes from real
     * servers (qpsmtpd, chasquid, Exim's sender verification) followed, and round 10 (198, new sources, collected
     * after all of them) scored 70.7 % with the rules it met. Ten records left fresh for train (three got dangerous
     * answers from new rules, seven were seen by a rule writer). On 2026-12-06: train 2,063/2,171 = 95.0 %, fresh
     * (rounds 5, 7, 8, 9, 10) 787/1,072 = 73.4 %; the right setting is the answer or an alternative for 82.2 % of
     * fresh; fresh answers are right 93 % at high confidence, 81 % at medium, 33 % at low. A blind expert reading
     * only the texts of rounds 5 and 7 chose a setting their sources accept 92.1 % and 89.8 % of the time. Fifth
     * session (2026-12-06): the message catalogues (943 entries, see {@link Split#CATALOGUE}) scored 88.8 % before any
     * rule was written from them and 98.3 % after a pass of rules from them; the held-out catalogues (352 entries of
     * other programs and servers) went from 61.9 % to 64.5 %, the fresh split from 787/1,072 to 798/1,071 = 74.5 %
     * (one record that a new rule answered dangerously moved to train). Round 7 (251 records, 182 right with these
     * rules) was then promoted to train before any rule was written from it, which took train to 2,247/2,423 = 92.7 %
     * and left fresh (rounds 5, 8, 9, 10) at 616/820 = 75.1 %. Round 11 (61 records, new sources, collected blind
     * during the round-7 pass) scored 42/61 = 68.9 % with the rules it met; its one dangerous answer moved to train.
     * Two passes of rules from round 7 took train to 2,290/2,424 = 94.5 % (round 7: 182 to 224 of 251) and moved
     * fresh (rounds 5, 8, 9, 10, 11) from 659/880 to 662/880 = 75.2 %; round 11 stayed at 42/60; the held-out
     * catalogue went to 229/352 = 65.1 %. Seventh session: round 13 (171 records from new territory: devices and
     * monitoring software, 52/86; less common libraries and command-line tools, 64/85) scored 116/171 = 67.8 % with
     * the rules it met, no dangerous answer, which took fresh from 780/1,028 = 75.9 % to 896/1,199 = 74.7 %. The
     * session's mechanisms (meanings from knowledge of other programs, servers and languages; a rules pass from train
     * misses) then took fresh to 902/1,199 = 75.2 % (round 13: 118/171), train to 2,297/2,426 = 94.7 % and the
     * held-out catalogue to 253/352 = 71.9 %. Eighth session: round 14 (308 records: business software, platforms
     * and infrastructure, other languages, scripts and CI) scored 228/308 = 74.0 % with the rules it met; its two
     * dangerous answers moved to train and were mended. The session's mechanisms (mail programs' own sentences, the
     * RFC structure table) left fresh at 1,131/1,505 = 75.1 % (round 14: 229/306), train at 2,298/2,428 = 94.6 % and
     * took the held-out catalogue to 254/352 = 72.2 %. Ninth session: round 15 (322 records: web hosting and panels,
     * transactional relays, community software, low-code and mobile) scored 243/322 = 75.5 % with the rules it met;
     * its dangerous answer and 36 misses a rule writer then read moved to train, and the readings written from them
     * took train to 2,334/2,465 = 94.7 %, fresh (rounds 5, 8 to 15) from 1,374/1,790 to 1,382/1,790 = 77.2 % on
     * records nobody read, and the held-out catalogue to 255/352. Round 16 (206 records: home-lab apps, education and
     * research, security and DevOps tools, CRM and finance), collected while they were written, scored 151/206 =
     * 73.3 % with all of them, no dangerous answer; with it fresh is 1,533/1,996 = 76.8 %. A second pass from 22 of
     * its misses (moved to train first) took train to 2,354/2,487 = 94.7 %, fresh from 1,533 to 1,543 of 1,974 on
     * records nobody read and the held-out catalogue to 257/352. Round 17 (215 records: IoT and microcontrollers, web
     * frameworks' mail layers, chat and game servers, WordPress and e-commerce), collected during that pass, scored
     * 158/215 = 73.5 % with every rule of the session, no dangerous answer; with it fresh is 1,701/2,189 = 77.7 %.
     * A third pass from 14 of its misses took fresh to 1,704/2,173 on records nobody read (two records that its
     * wrapper rule answered dangerously moved to train and the rule was dropped); train 2,366/2,503 = 94.5 %, held-out
     * catalogue 258/352. Round 18 (53 records: command-line mail, Windows scripting, cloud and serverless; cut short
     * when the search budget ran out) scored 35/53 = 66.0 % with every rule; with it fresh is 1,739/2,226 = 78.1 %.
     * Tenth session: the ten fresh answers given at high confidence and wrong moved to train and were read (train
     * 2,371/2,513, fresh unchanged on records nobody read); round 19 (151 records: non-English threads, webmail and
     * groupware, helpdesk and newsletter tools) scored 107/151 = 70.9 % blind before that pass and 108/151 = 71.5 %
     * after it (readings from other records); its 43 misses moved to train (one answered dangerously), and the pass
     * written from them took train to 2,392/2,556. Train now holds 53 more records that were read because they were
     * answered wrong, so its floor is reset where the figure stands: 93 %, not 94 %. Round 20 (143 records: identity
     * services and headless CMS, self-hosted file and media apps, sysadmin mail senders and relays), collected during
     * that pass, scored 97/143 = 67.8 % blind before it and 102/143 = 71.3 % after it; its 41 misses moved to train and
     * a pass from them took train to 2,408/2,597 = 92.7 % and fresh to 1,949/2,426 on records nobody read. Train's
     * floor follows again: 92 %. It falls because every read miss joins train, not because a rule broke a record.
     * Round 21 (146 records: online shops and billing, JVM applications, Microsoft's server stack), collected during
     * round 20's pass, scored 111/146 = 76.0 % blind (109/146 at the session's start); its 34 misses and one
     * dangerous answer moved to train, and the pass from them took train to 2,420/2,632 = 91.9 %: floor 91 %.
     * Rounds 22 (86 records) and 23 (93), collected during the next passes, scored 79.1 % and 79.6 % blind, exactly
     * what they score at the session's start: the passes of readings did not reach them. Their 37 misses joined
     * train; train 2,425/2,669 = 90.9 %: floor 90 %. Eleventh session: every record's answer is kept on record
     * ({@link #ANSWERS}), so no rule change loses a record unseen. Rounds 25 (109 records), 26 (182) and 27 (105),
     * collected blind, scored 66.1 %, 67.0 % and 60.0 % with the rules they met; their six answers wrong at high
     * confidence and four dangerous ones moved to train and were read first. Three passes of readings from train misses
     * took train to 2,465/2,678 = 92.0 % (floor 91 %) and fresh to 2,483/3,088 = 80.4 %, 74.1 % when the 263 records
     * that left fresh rounds for train are counted as misses (printed beside it). Thirteenth session: of the 247 fresh
     * records the rules answered "not recognised" (230 of them wrong), 138 chosen by a hash of their ids moved to
     * train ({@code train-r30-unrecognised.jsonl}) to be read; the other 109 stay fresh and measure what the readings
     * written from the 138 do for texts nobody read. Train fell to 88.8 %: floor 88 % until the readings are in.
     * Round 30 (77 records, collected blind the same session) was 73 of Thunderbird's sending-error strings in 27
     * languages and four users' pastes; the strings scored 18/73 and moved to train
     * ({@code train-r30-translations.jsonl}) to be read from Thunderbird's own language files: floor 86 %. The readings
     * from the 138 (train +38, fresh +3) and the languages read from Thunderbird's files (the strings 70/73) took
     * train to 2,661/2,939 = 90.5 %: floor 90 %. Of the 109 kept fresh, 7 are right (6 before the readings).
     * Fourteenth session: a quarter of fresh, chosen by a hash of the ids and so right and wrong alike (775 records,
     * 638 right = 82.3 %; the 2,319 kept scored 1,918 = 82.7 %), moved to train ({@link #RANDOM_MOVES}) to be read;
     * the kept three quarters measure whether readings written from it reach texts nobody read. Word evidence retrained
     * on the larger train split: train 3,304/3,714 = 89.0 % (floor 88 % until the readings are in), the kept fresh
     * 1,925/2,319 = 83.0 % (seven more right, none lost). Rounds 31 (91 records), 32 (6) and 33 (17), collected blind the
     * same session, scored 64.8 %, 6/6 and 52.9 %; their one dangerous answer and four wrong at high confidence moved to
     * train first ({@code train-r31-dangerous.jsonl}). Five rule passes (the quarter's 132 misses by setting, then other
     * train misses) took 58 of the quarter's misses and train to 3,369/3,719 = 90.6 % (floor 90 %), the kept three
     * quarters to 1,937 (12 from the readings): readings from one thread's words reach few others. Fifteenth session:
     * rounds 34 (50 records) and 35 (90), Thunderbird users' own questions on support.mozilla.org, scored 76.0 % and
     * 67.8 % blind; half of them by a hash of the ids (78 records, 58 right) moved to train to be read, the other 62
     * (41 right) stay fresh. Readings from the half (its misses 20 -> 9), a precision pass on train's rules and two of the
     * owner's took train to 3,442/3,797 = 90.7 %, the kept half to 42/62 and the kept three quarters to 1,943.
     * Round 36 (20 records, the same dumps' other days) scored 13/20 = 65.0 % blind. Nineteenth session: rounds 44 to
     * 46 scored 64.0 %, 68.8 % and 71.9 % blind; 26 records read from their halves moved in (19 right after the
     * readings), train 3,478/3,852 = 90.3 %. Twentieth session: rounds 47 to 50 scored 75.8 %, 75.5 %, 72.3 % and
     * 67.3 % blind; 24 records read from their halves moved in (21 right after the readings), train 3,500/3,876 = 90.3 %.
     */
    private static final double TRAIN_REQUIRED = 0.90;
    /**
     * The parts of fresh moved to train at random, right and wrong alike, to be read: a quarter of fresh in the
     * fourteenth session, half of rounds 34 and 35 in the fifteenth (by a hash of the ids). Not counted among the
     * records that left fresh because they were answered wrong.
     */
    private static final Set<String> RANDOM_MOVES = Set.of("train-r31-fresh-quarter.jsonl",
            "train-r34-sumo-half.jsonl");
    /**
     * Train records whose label is one source's cause that the words themselves cannot show, while other sources give
     * another kind of cause for the very same words: still counted as misses, but not as dangerous answers. Each entry
     * names the sources; the list is for that case only, never for a reading that is simply wrong.
     */
    private static final Map<String, String> LABELS_BEYOND_THE_WORDS = Map.of(
            "mq31-0014", "Outlook Express's \"The TCP/IP connection was unexpectedly terminated by your mail server\" is"
                    + " labelled sign-in method from Microsoft KB Q194068 (MSN's servers hung up on programs that did not"
                    + " sign in); Microsoft KB 816866 and 278637 give a size limit and throttling for the same sentence,"
                    + " and hosts give the network or an antivirus",
            "g7-0006", "PHPMailer's \"Could not authenticate\" after a greeting from the web host's own Exim is labelled"
                    + " the network from the thread's guess that the host intercepts; the same greeting comes from any"
                    + " shared host's own mail server, whose sign-in failure is the password",
            "rb42-0028", ".NET's \"The server committed a protocol violation\" with an empty response is the"
                    + " implicit-TLS port mix-up by its words; the thread's label (the password) rests on the reporter"
                    + " testing with wrong credentials against a server that hangs up on a refused sign-in",
            "ua37-0011", "Thunderbird's \"Unable to authenticate to Outgoing server … Please check the password\" is"
                    + " labelled the server name (low) from a helper's reading that the address belongs on another of"
                    + " the ISP's servers; nothing in the thread confirms it, and a sign-in the server refused reads as"
                    + " the password until a test shows otherwise",
            "ra44-0037", "JavaMail's \"failed to connect, no password specified?\" is what Service.connect throws when"
                    + " the program handed it no password; the label (the connection security) rests on a helper's"
                    + " guess from the program's options (SSL on port 25), which the thread does not confirm",
            "rb50-0008", "Postfix refusing to relay for a program on its own computer (\"RCPT from localhost[::1] … Relay"
                    + " access denied\") has two fixes the words cannot choose between: the program names 127.0.0.1,"
                    + " which the server trusts (op25-0009's thread), or the server trusts [::1] too (this record's"
                    + " Plesk page, labelled the administrator's switch); the answer gives the first and names the"
                    + " second as its alternative and its thing to try");
    private static final double FRESH_REQUIRED = 0.77;
    /**
     * The step a source shows, found by the parser: 80 % on train before round 7 was promoted, 77.9 % with it and
     * 78.1 % after its pass; on fresh the measured floor (2026-12-06: 547/821 = 66.6 % with rounds 5, 8 to 11). In
     * the tenth session train reached 1,839/2,358 = 78.0 % with the read misses of rounds 19 to 21 (labelled by the
     * step their threads name, which their texts often do not show), so its floor is 77 %. In the twelfth session 46
     * sending-error strings of Thunderbird and PHPMailer in twelve languages the vocabulary did not read joined train
     * (round 29): 1,886/2,464 = 76.5 %, floor 76 % until those languages were read; with their words in the
     * vocabulary (same session) train is at 1,922/2,464 = 78.0 %, so the floor is 77 % again. In the thirteenth
     * session 138 records no rule read joined train (most without a step in their words): 1,923/2,547 = 75.5 %;
     * with round 30's 73 Thunderbird strings in 27 languages 1,939/2,618 = 74.1 %; with the session's readings
     * 1,999/2,618 = 76.4 %: floor 76 %. Fourteenth session, with a random quarter of fresh: 2,508/3,327 = 75.4 %.
     */
    private static final double PHASE_TRAIN_REQUIRED = 0.75;
    private static final double PHASE_FRESH_REQUIRED = 0.66;
    /** The message catalogues: entries the reader must know (see {@link Split#CATALOGUE}). */
    private static final double CATALOGUE_REQUIRED = 0.98;
    /**
     * The held-out catalogue's floor: 258/352 = 73.3 % until the eighteenth session, floor 71 %. Round 40 added 78
     * message templates of Roundcube and NeoMutt in 29 languages (their translation files, placeholders such as
     * {@code $code} unfilled, so most carry no reply code): 14/78 right blind, 64 of the others answered "no
     * conclusion" at low confidence and none wrong above it; the whole is 272/430 = 63.3 %, floor 62 %.
     */
    private static final double FRESH_CATALOGUE_REQUIRED = 0.62;
    private static final int MIN_RECORDS = 600;
    private static final int MIN_SOURCES = 200;
    /**
     * Every record's answer as it stands: id, split, right or wrong, the setting answered, its confidence. A change
     * that turns any record's answer fails {@link #everyRecordKeepsTheAnswerOnRecord} until the file is regenerated
     * ({@code mvn -B -q -o test -Dtest=CorpusTest -Dregenerate=true}), so each commit's diff of it shows which records
     * a rule change lost and gained: the floors above only catch a loss large enough to cross them. Fresh records
     * appear by id only, never by text.
     */
    private static final Path ANSWERS = Path.of("src/test/resources/diagnosis/answers.tsv");

    /** Connection-level settings: advice about these must never be answered with a credential change. */
    private static final Set<Setting> CONNECTION = EnumSet.of(
            Setting.SERVER_HOST, Setting.PORT, Setting.SECURITY, Setting.NETWORK_OR_FIREWALL);
    /** Credential settings: a port or security change is the wrong kind of answer for these. */
    private static final Set<Setting> CREDENTIALS = EnumSet.of(
            Setting.PASSWORD, Setting.APP_PASSWORD, Setting.USERNAME);

    private static final Diagnoser DIAGNOSER = new Diagnoser();
    private static List<Sample> samples;

    /**
     * {@code CATALOGUE}: the message catalogues of the programs and servers that produce the texts users paste
     * (Thunderbird's and PHPMailer's language files, .NET's resource strings, OpenSSL's reason strings, Postfix's
     * reject texts, providers' code tables), each entry filled in as a user would see it and labelled from its
     * meaning. Rules may be written from it; it is scored on its own, so that neither split's figure moves with it.
     * {@code FRESH_CATALOGUE}: the catalogue's held-out part, from programs, servers and catalogue files the first
     * part does not use, never read while writing rules: whether rules written from one catalogue hold on others.
     */
    enum Split { TRAIN, FRESH, CATALOGUE, FRESH_CATALOGUE }

    record Sample(String id, String file, Split split, Setting expected, Set<Setting> acceptable, Phase phase,
            ExplainContext context, String source, String text) {

        boolean accepts(Setting answer) {
            return answer == expected || acceptable.contains(answer);
        }

        /** A port or security answer for a credential problem, or a credential answer for a connection problem. */
        boolean wrongKind(Setting answer) {
            if (accepts(answer)) {
                return false;
            }
            boolean credentialProblem = CREDENTIALS.contains(expected) || expected == Setting.AUTH_METHOD
                    || expected == Setting.ENABLE_SMTP_AUTH_AT_PROVIDER;
            return CONNECTION.contains(expected) && CREDENTIALS.contains(answer)
                    || credentialProblem && EnumSet.of(Setting.PORT, Setting.SECURITY, Setting.SERVER_HOST)
                            .contains(answer);
        }

        /**
         * A wrong-kind answer that is not hedged: said with high confidence, or without the right setting among its
         * "If that does not help" alternatives. A hedged one says the evidence is thin and names the fix next, which
         * is what the product promises when the text cannot tell (a refused sign-in at a provider whose server
         * depends on the account); both counts are printed.
         */
        boolean dangerous(Diagnosis d) {
            return wrongKind(d.setting()) && (d.confidence() == Confidence.HIGH
                    || d.alternatives().stream().noneMatch(a -> accepts(a.setting())));
        }
    }

    record Score(int hits, int total, List<String> misses, Map<String, Integer> confusion, List<String> dangerous,
            List<String> hedged, Map<Confidence, int[]> byConfidence, Map<String, int[]> byFile, int withAlternatives,
            Map<String, Integer> missesByRule) {

        double accuracy() {
            return total == 0 ? 1.0 : (double) hits / total;
        }
    }

    /** Every record of the corpus and the catalogue, for other tests that read real pasted texts. */
    static List<Sample> records() throws IOException, URISyntaxException {
        if (samples == null) {
            load();
        }
        return List.copyOf(samples);
    }

    @BeforeAll
    static void load() throws IOException, URISyntaxException {
        samples = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        List<Path> files = new ArrayList<>();
        for (String folder : List.of("/diagnosis/corpus", "/diagnosis/catalogue")) {
            try (Stream<Path> list = Files.list(Path.of(CorpusTest.class.getResource(folder).toURI()))) {
                list.filter(p -> p.toString().endsWith(".jsonl")).sorted().forEach(files::add);
            }
        }
        for (Path file : files) {
            String name = file.getFileName().toString();
            Split fileSplit = fileSplit(name);
            try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String line;
                while ((line = reader.readLine()) != null) {
                    if (!line.isBlank()) {
                        samples.add(sample(json.readTree(line), name, fileSplit));
                    }
                }
            }
        }
    }

    /** The split a file's name gives: {@code fresh-catalogue-*}, {@code fresh-*}, {@code catalogue-*}, else train. */
    private static Split fileSplit(String name) {
        if (name.startsWith("fresh-catalogue")) {
            return Split.FRESH_CATALOGUE;
        }
        if (name.startsWith("catalogue")) {
            return Split.CATALOGUE;
        }
        return name.startsWith("fresh") ? Split.FRESH : Split.TRAIN;
    }

    private static Sample sample(JsonNode node, String file, Split fileSplit) {
        JsonNode ctx = node.path("context");
        ExplainContext context = ExplainContext.of(null,
                ctx.hasNonNull("host") ? ctx.get("host").asText() : null,
                ctx.hasNonNull("port") ? ctx.get("port").asInt() : null, null,
                ctx.hasNonNull("username") ? ctx.get("username").asText() : null);
        Set<Setting> acceptable = EnumSet.noneOf(Setting.class);
        node.path("acceptable").forEach(a -> acceptable.add(Setting.valueOf(a.asText())));
        Split split = Split.valueOf(node.path("split").asText(fileSplit.name()).toUpperCase(Locale.ROOT));
        return new Sample(node.get("id").asText(), file, split, Setting.valueOf(node.get("expected").asText()),
                acceptable, node.hasNonNull("phase") ? Phase.valueOf(node.get("phase").asText()) : null,
                context, node.get("source").asText(), node.get("text").asText());
    }

    @Test
    void everyRecordIsSourcedAndInTheSplitItsFileNames() {
        Set<String> ids = new HashSet<>();
        for (Sample s : samples) {
            assertTrue(ids.add(s.id()), "duplicate id " + s.id());
            assertTrue(s.source().startsWith("http"), s.id() + ": source must be a URL");
            assertTrue(!s.text().isBlank(), s.id() + ": empty text");
            assertEquals(fileSplit(s.file()), s.split(), s.id() + " is in " + s.file());
        }
    }

    @Test
    void corpusIsLargeAndVaried() {
        List<Sample> corpus = samples.stream()
                .filter(s -> s.split() == Split.TRAIN || s.split() == Split.FRESH).toList();
        long sources = corpus.stream().map(Sample::source).distinct().count();
        System.out.printf(Locale.ROOT, "Corpus: %d records (%d train, %d fresh) from %d distinct sources; catalogue:"
                + " %d entries, %d held out%n", corpus.size(), count(Split.TRAIN), count(Split.FRESH), sources,
                count(Split.CATALOGUE), count(Split.FRESH_CATALOGUE));
        assertTrue(corpus.size() >= MIN_RECORDS, "corpus has " + corpus.size() + " records");
        assertTrue(sources >= MIN_SOURCES, "corpus has " + sources + " distinct sources");
    }

    @Test
    void trainSplitPointsAtTheSettingThatHadToChange() {
        Score score = score(Split.TRAIN);
        print("train", score);
        score.misses().forEach(System.out::println);
        assertTrue(score.accuracy() >= TRAIN_REQUIRED, String.format(Locale.ROOT,
                "train accuracy %.1f %% is below %.0f %%", score.accuracy() * 100, TRAIN_REQUIRED * 100));
    }

    @Test
    void freshSplitPointsAtTheSettingThatHadToChange() {
        Score score = score(Split.FRESH);
        print("fresh", score);
        long moved = movedFromFreshRounds();
        System.out.printf(Locale.ROOT, "  fresh, counting the %d records moved from its rounds to train as misses (each"
                + " was moved because it was answered wrong and then read, or answered dangerously; the parts moved at"
                + " random are left out): %d/%d = %.1f %%%n",
                moved, score.hits(), score.total() + moved, 100.0 * score.hits() / (score.total() + moved));
        assertTrue(score.accuracy() >= FRESH_REQUIRED, String.format(Locale.ROOT,
                "fresh accuracy %.1f %% is below %.0f %%", score.accuracy() * 100, FRESH_REQUIRED * 100));
    }

    @Test
    void catalogueEntriesPointAtTheSettingTheirMeaningNames() {
        Score score = score(Split.CATALOGUE);
        print("catalogue", score);
        score.misses().forEach(System.out::println);
        assertTrue(score.total() > 0, "no catalogue entries");
        assertTrue(score.accuracy() >= CATALOGUE_REQUIRED, String.format(Locale.ROOT,
                "catalogue accuracy %.1f %% is below %.0f %%", score.accuracy() * 100, CATALOGUE_REQUIRED * 100));
    }

    /** Counts and confusion pairs only, as for the fresh split: its texts stay unseen by whoever writes rules. */
    @Test
    void heldOutCatalogueEntriesPointAtTheSettingTheirMeaningNames() {
        Score score = score(Split.FRESH_CATALOGUE);
        print("held-out catalogue", score);
        assertTrue(score.total() > 0, "no held-out catalogue entries");
        assertTrue(score.accuracy() >= FRESH_CATALOGUE_REQUIRED, String.format(Locale.ROOT,
                "held-out catalogue accuracy %.1f %% is below %.0f %%", score.accuracy() * 100,
                FRESH_CATALOGUE_REQUIRED * 100));
    }

    @Test
    void noDangerousAnswerInAnySplit() {
        List<String> dangerous = new ArrayList<>(score(Split.TRAIN).dangerous());
        dangerous.addAll(score(Split.FRESH).dangerous());
        dangerous.addAll(score(Split.CATALOGUE).dangerous());
        dangerous.addAll(score(Split.FRESH_CATALOGUE).dangerous());
        LABELS_BEYOND_THE_WORDS.forEach((id, why) -> System.out.println("  not counted as dangerous: " + id + ": " + why));
        dangerous.removeIf(d -> LABELS_BEYOND_THE_WORDS.containsKey(d.substring(0, d.indexOf(' '))));
        assertTrue(dangerous.isEmpty(), "dangerous answers: " + dangerous);
    }

    @Test
    void everyRecordKeepsTheAnswerOnRecord() throws IOException {
        Map<String, String> now = new TreeMap<>();
        for (Sample s : samples) {
            Diagnosis d = DIAGNOSER.explain(s.text(), s.context());
            now.put(s.id(), String.join("\t", s.id(), s.split().name().toLowerCase(Locale.ROOT),
                    s.accepts(d.setting()) ? "right" : "wrong", d.setting().name(), d.confidence().name()));
        }
        String header = "# id, split, right or wrong, setting answered, confidence; regenerate with"
                + " mvn -B -q -o test -Dtest=CorpusTest -Dregenerate=true";
        if (Boolean.getBoolean("regenerate")) {
            List<String> lines = new ArrayList<>(List.of(header));
            lines.addAll(now.values());
            Files.write(ANSWERS, lines, StandardCharsets.UTF_8);
            return;
        }
        Map<String, String> recorded = new TreeMap<>();
        for (String line : Files.readAllLines(ANSWERS, StandardCharsets.UTF_8)) {
            if (!line.startsWith("#") && !line.isBlank()) {
                recorded.put(line.substring(0, line.indexOf('\t')), line);
            }
        }
        List<String> lost = new ArrayList<>();
        List<String> gained = new ArrayList<>();
        List<String> otherwise = new ArrayList<>();
        Set<String> ids = new TreeSet<>(now.keySet());
        ids.addAll(recorded.keySet());
        for (String id : ids) {
            String was = recorded.get(id);
            String is = now.get(id);
            if (was != null && was.equals(is)) {
                continue;
            }
            if (was != null && is != null && was.contains("\tright\t") && is.contains("\twrong\t")) {
                lost.add(is.replace('\t', ' '));
            } else if (was != null && is != null && was.contains("\twrong\t") && is.contains("\tright\t")) {
                gained.add(is.replace('\t', ' '));
            } else {
                otherwise.add((was == null ? "(new)" : was.replace('\t', ' ')) + " -> "
                        + (is == null ? "(gone)" : is.replace('\t', ' ')));
            }
        }
        System.out.printf(Locale.ROOT, "Answers against the record: %d lost, %d gained, %d otherwise changed%n",
                lost.size(), gained.size(), otherwise.size());
        lost.forEach(l -> System.out.println("  lost: " + l));
        gained.forEach(l -> System.out.println("  gained: " + l));
        otherwise.forEach(l -> System.out.println("  changed: " + l));
        assertTrue(lost.isEmpty() && gained.isEmpty() && otherwise.isEmpty(), String.format(Locale.ROOT,
                "%d records lost their right answer, %d gained one, %d changed otherwise (listed in the test output);"
                + " if that is what the change meant, regenerate %s with -Dregenerate=true", lost.size(),
                gained.size(), otherwise.size(), ANSWERS));
    }

    @Test
    void parserFindsThePhaseTheSourceShows() {
        Map<Split, int[]> bySplit = new TreeMap<>();
        for (Sample s : samples) {
            if (s.phase() != null) {
                int[] counts = bySplit.computeIfAbsent(s.split(), k -> new int[2]);
                counts[0]++;
                if (ReplyParser.parse(SignInPayloads.redactPasted(s.text())).phase().orElse(null) == s.phase()) {
                    counts[1]++;
                }
            }
        }
        int[] train = bySplit.getOrDefault(Split.TRAIN, new int[2]);
        int[] fresh = bySplit.getOrDefault(Split.FRESH, new int[2]);
        System.out.printf(Locale.ROOT, "Phase agreement: train %d/%d, fresh %d/%d%n", train[1], train[0], fresh[1],
                fresh[0]);
        assertTrue(train[1] >= train[0] * PHASE_TRAIN_REQUIRED, "phase found for too few train samples: " + train[1]
                + "/" + train[0]);
        assertTrue(fresh[1] >= fresh[0] * PHASE_FRESH_REQUIRED, "phase found for too few fresh samples: " + fresh[1]
                + "/" + fresh[0]);
    }

    /**
     * Train records from a round that still has fresh records (same id prefix, {@code hd19-}): its misses that a rule
     * writer read, or that were answered dangerously, moved to train before any rule was written from them. What stays
     * fresh of such a round are mostly its hits, so the fresh figure alone overstates how well the diagnosis holds on
     * messages it has never seen; counting these records as misses gives the figure the rounds had when read.
     */
    private static long movedFromFreshRounds() {
        Set<String> freshRounds = new HashSet<>();
        samples.stream().filter(s -> s.split() == Split.FRESH).forEach(s -> freshRounds.add(roundOf(s.id())));
        return samples.stream().filter(s -> s.split() == Split.TRAIN && freshRounds.contains(roundOf(s.id())))
                .filter(s -> RANDOM_MOVES.stream().noneMatch(s.file()::endsWith)).count();
    }

    private static String roundOf(String id) {
        int dash = id.indexOf('-');
        return dash < 0 ? id : id.substring(0, dash);
    }

    private static long count(Split split) {
        return samples.stream().filter(s -> s.split() == split).count();
    }

    private static Score score(Split split) {
        int hits = 0;
        int total = 0;
        List<String> misses = new ArrayList<>();
        List<String> dangerous = new ArrayList<>();
        List<String> hedged = new ArrayList<>();
        int withAlternatives = 0;
        Map<String, Integer> confusion = new TreeMap<>();
        Map<Confidence, int[]> byConfidence = new EnumMap<>(Confidence.class);
        Map<String, int[]> byFile = new TreeMap<>();
        Map<String, Integer> missesByRule = new TreeMap<>();
        for (Sample s : samples) {
            if (s.split() != split) {
                continue;
            }
            total++;
            Diagnosis d = DIAGNOSER.explain(s.text(), s.context());
            int[] tally = byConfidence.computeIfAbsent(d.confidence(), k -> new int[2]);
            int[] fileTally = byFile.computeIfAbsent(s.file(), k -> new int[2]);
            tally[0]++;
            fileTally[0]++;
            if (s.accepts(d.setting()) || d.alternatives().stream().anyMatch(a -> s.accepts(a.setting()))) {
                withAlternatives++;
            }
            if (s.accepts(d.setting())) {
                hits++;
                tally[1]++;
                fileTally[1]++;
                continue;
            }
            confusion.merge(s.expected() + " -> " + d.setting(), 1, Integer::sum);
            missesByRule.merge(ruleFamily(d.ruleId()) + (d.confidence() == Confidence.HIGH ? " (high)" : ""), 1,
                    Integer::sum);
            if (s.dangerous(d)) {
                dangerous.add(s.id() + " (" + s.expected() + " -> " + d.setting() + ")");
            } else if (s.wrongKind(d.setting())) {
                hedged.add(s.id() + " (" + s.expected() + " -> " + d.setting() + ", " + d.confidence() + ")");
            }
            misses.add(String.format(Locale.ROOT, "  %s: expected %s, got %s (%s)%n    %s%n    %s",
                    s.id(), s.expected(), d.setting(), d.ruleId(), oneLine(s.text()), s.source()));
        }
        return new Score(hits, total, misses, confusion, dangerous, hedged, byConfidence, byFile,
                withAlternatives, missesByRule);
    }

    /**
     * The family of the rule that decided ({@code explain.auth.required} → {@code explain.auth}): where the misses
     * come from, printed for the fresh split too without naming a text.
     */
    private static String ruleFamily(String ruleId) {
        String[] parts = ruleId.split("\\.");
        return parts.length <= 2 ? ruleId : parts[0] + "." + parts[1];
    }

    private static void print(String name, Score score) {
        System.out.printf(Locale.ROOT, "Corpus %s accuracy: %d/%d = %.1f %% (dangerous answers: %d; wrong-kind"
                + " answers hedged with the right setting as an alternative: %d %s)%n", name, score.hits(),
                score.total(), score.accuracy() * 100, score.dangerous().size(), score.hedged().size(), score.hedged());
        System.out.printf(Locale.ROOT, "  %s: the right setting is the answer or one of its alternatives for %d/%d"
                + " = %.1f %%%n", name, score.withAlternatives(), score.total(),
                score.total() == 0 ? 100.0 : 100.0 * score.withAlternatives() / score.total());
        score.byConfidence().forEach((confidence, tally) -> System.out.printf(Locale.ROOT,
                "  %s %s confidence: %d/%d right%n", name, confidence, tally[1], tally[0]));
        score.byFile().forEach((file, tally) -> System.out.printf(Locale.ROOT, "  %s file %s: %d/%d right%n", name,
                file, tally[1], tally[0]));
        score.confusion().forEach((pair, n) -> System.out.printf(Locale.ROOT, "  %s confusion %s: %d%n",
                name, pair, n));
        score.missesByRule().entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> System.out.printf(Locale.ROOT, "  %s misses decided by %s: %d%n", name, e.getKey(),
                        e.getValue()));
    }

    private static String oneLine(String text) {
        String t = text.replace('\n', ' ');
        return t.length() > 160 ? t.substring(0, 160) + "…" : t;
    }
}
