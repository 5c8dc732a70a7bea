package io.spyglass.enrich.tag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spyglass.model.Actor;
import io.spyglass.model.Country;
import io.spyglass.model.Evidence;
import io.spyglass.model.Tags;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaggerTest {
    private static final Tagger TAGGER = Tagger.loadDefault();

    @Test
    void hedgedStateHackingIsEspionageAttributedToTheState() {
        Tags tags = TAGGER.tag("Beijing purportedly breached defence ministry networks",
                "Chinese military hackers allegedly broke into the defence ministry's networks last year and "
                        + "stole classified planning documents, officials said on condition of anonymity. The "
                        + "ministry could not confirm whether secrets were taken, and Beijing denied any "
                        + "involvement in the intrusion. Investigators found a backdoor on several servers.");

        assertThat(tags.espionage()).isTrue();
        assertThat(tags.score()).isGreaterThan(0.8);
        assertThat(tags.attributed()).containsExactly(new Country("CN", "China"));
        assertThat(tags.tagger()).isEqualTo("spyglass-tagger/1.6");
    }

    @Test
    void separatesTheAttackerFromTheVictimAndTheAccuser() {
        Tags tags = TAGGER.tag("Norway says Russian hackers got into its parliament",
                "Norway's government said on Friday that state-sponsored hackers working for Russia's GRU had "
                        + "infiltrated Norwegian parliament email accounts in a cyber espionage campaign. The "
                        + "United States said it shared the assessment. Moscow rejected the accusation.");

        assertThat(tags.espionage()).isTrue();
        assertThat(tags.attributed()).containsExactly(new Country("RU", "Russia"));
        assertThat(tags.victims()).containsExactly(new Country("NO", "Norway"));
    }

    @Test
    void normalisesActorAliasesToOneCanonicalName() {
        Tags tags = TAGGER.tag("Fancy Bear returns",
                "Researchers tied the new phishing wave to Fancy Bear, also tracked as Sofacy and as STRONTIUM, "
                        + "the espionage group that targets foreign ministries with spear-phishing emails and "
                        + "custom malware.");

        assertThat(tags.espionage()).isTrue();
        assertThat(tags.actors()).containsExactly(new Actor("APT28", "RU"));
        assertThat(tags.attributed()).containsExactly(new Country("RU", "Russia"));
    }

    @Test
    void attributesTheSeedStoryToTheHackersStateNotTheBriefingAgency() {
        Tags tags = TAGGER.tag("China purportedly hacked Japanese military networks",
                "Chinese military hackers have been inside Japan's classified defence networks since last year, "
                        + "officials said. The director of the National Security Agency flew to Tokyo to brief "
                        + "the defence minister. Japan said it could not confirm whether anything had leaked.");

        assertThat(tags.espionage()).isTrue();
        assertThat(tags.attributed()).containsExactly(new Country("CN", "China"));
        assertThat(tags.victims()).containsExactly(new Country("JP", "Japan"));
    }

    @Test
    void listedStatesShareTheirNeighboursRole() {
        Tags tags = TAGGER.tag("Sanctions over cyber espionage",
                "The European Union sanctioned hackers from China, Russia and North Korea over cyber espionage "
                        + "campaigns that stole trade secrets and intruded into government networks.");

        assertThat(tags.espionage()).isTrue();
        assertThat(tags.attributed()).extracting(Country::code).containsExactlyInAnyOrder("CN", "RU", "KP");
    }

    @Test
    void readsVictimCountriesFromAListOnePerLine() {
        Tags tags = TAGGER.tag("State-sponsored espionage group hits Asian governments",
                "Chinese state-sponsored hackers ran a cyber espionage campaign with a custom backdoor.\n"
                        + "The countries targeted were:\nVietnam\nThailand\nThe Philippines\n");

        assertThat(tags.victims()).extracting(Country::code).containsExactly("VN", "TH", "PH");
    }

    @Test
    void aCapitalWithAPossessiveOwnsItsHackers() {
        Tags tags = TAGGER.tag("Tehran's hackers target dissidents abroad",
                "Tehran's hackers sent spear-phishing emails to dissidents and journalists in Europe, planting "
                        + "spyware to monitor their contacts, researchers said.");

        assertThat(tags.espionage()).isTrue();
        assertThat(tags.attributed()).containsExactly(new Country("IR", "Iran"));
    }

    @Test
    void aVendorsNationalityIsNoAttribution() {
        Tags tags = TAGGER.tag("Spyware found on activists' phones",
                "Researchers found spyware developed by an Israeli firm on the phones of activists and "
                        + "journalists. The surveillance implant exfiltrated messages and microphone recordings.");

        assertThat(tags.attributed()).isEmpty();
    }

    @Test
    void aStateOwnedInstituteLinksItsState() {
        Tags tags = TAGGER.tag("Wiper that hit a gas pipeline traced to an institute",
                "Investigators said an Iranian-owned engineering institute wrote and tested the wiper that erased "
                        + "control systems at a gas pipeline operator, a sabotage operation against critical "
                        + "infrastructure. The malware was planted through a backdoor months earlier.");

        assertThat(tags.espionage()).isTrue();
        assertThat(tags.attributed()).containsExactly(new Country("IR", "Iran"));
    }

    @Test
    void aForeignOwnedSecurityFirmIsNoAttribution() {
        Tags tags = TAGGER.tag("Espionage malware found in embassy networks",
                "A Russian-owned security firm found espionage malware with a custom backdoor in the networks of "
                        + "several embassies. The implant exfiltrated diplomatic cables for two years; nobody "
                        + "has been blamed for the intrusion.");

        assertThat(tags.espionage()).isTrue();
        assertThat(tags.attributed()).isEmpty();
    }

    @Test
    void aStateTheTitleNamesAsTheTargetIsNotAlsoTheAttacker() {
        Tags tags = TAGGER.tag("Military readies cyber operation against Iran",
                "American military hackers have placed implants in Iran's power grid and could switch parts of "
                        + "it off, officials said. The plan answers years of cyberattacks against American banks "
                        + "by Iranian hackers, and Iranian hackers have broken into dam controls. Planners "
                        + "expect retaliation against Iran's networks to draw a response.");

        assertThat(tags.espionage()).isTrue();
        assertThat(tags.attributed()).containsExactly(new Country("US", "United States"));
        assertThat(tags.victims()).extracting(Country::code).contains("IR");
    }

    @Test
    void aStateTheTitleCastsAsAttackerAndTargetStaysTheAttacker() {
        Tags tags = TAGGER.tag("Russian hackers strike water utilities after attacks on Russia",
                "Russian hackers broke into the control systems of two American water utilities, investigators "
                        + "said. The intrusion followed a year of attacks on Russian banks, attacks on Russian "
                        + "railways and a cyberattack against Russia's power grid that Moscow blamed on Washington.");

        assertThat(tags.espionage()).isTrue();
        assertThat(tags.attributed()).extracting(Country::code).first().isEqualTo("RU");
    }

    @Test
    void aStateTargetedOnlyInTheTextKeepsItsAttackerRole() {
        Tags tags = TAGGER.tag("Chinese military hackers breach satellite operator",
                "Chinese military hackers broke into a satellite operator's networks and stole orbit data, "
                        + "researchers said. The same unit was blamed for earlier intrusions, and the report "
                        + "notes past attacks on Chinese ministries by other groups.");

        assertThat(tags.espionage()).isTrue();
        assertThat(tags.attributed()).containsExactly(new Country("CN", "China"));
    }

    @Test
    void aDatelineIsNotListedWithTheTitlesLastCountry() {
        Tags tags = TAGGER.tag("Hackers target ministries in Vietnam",
                "Singapore, 3 March. Chinese state-sponsored hackers sent spear-phishing emails with a backdoor to foreign "
                        + "ministry staff in Hanoi in a cyber espionage campaign, researchers said.");

        assertThat(tags.espionage()).isTrue();
        assertThat(tags.attributed()).containsExactly(new Country("CN", "China"));
        assertThat(tags.victims()).extracting(Country::code).containsExactly("VN");
    }

    @Test
    void anAgencyNamedWithItsStateBelongsToThatState() {
        Tags tags = TAGGER.tag("Security service hacked opposition phones",
                "Belarus's KGB broke into the phones of opposition activists with spyware to spy on their "
                        + "contacts, a digital rights group found in a forensic analysis of the intrusion.");

        assertThat(tags.espionage()).isTrue();
        assertThat(tags.attributed()).containsExactly(new Country("BY", "Belarus"));
    }

    @Test
    void aCriminalGroupIsNamedButAttributesNoState() {
        Tags tags = TAGGER.tag("Retail chain breached",
                "The FIN7 gang stole payment card data from the retailer's checkout systems and sold it on a "
                        + "criminal forum, prosecutors said.");

        assertThat(tags.espionage()).isFalse();
        assertThat(tags.attributed()).isEmpty();
    }

    @Test
    void sympathisersOfAStateAreNotItsHackers() {
        Tags tags = TAGGER.tag("Pro-Russian hacktivists knock ministry sites offline",
                "A pro-Russian hacktivist group claimed DDoS attacks that took several ministry websites offline "
                        + "for a few hours, saying it was retaliating for sanctions.");

        assertThat(tags.espionage()).isFalse();
        assertThat(tags.attributed()).isEmpty();
    }

    @Test
    void ransomwareForProfitIsNotEspionage() {
        Tags tags = TAGGER.tag("Ransomware gang hits hospital chain",
                "A ransomware gang encrypted the servers of a hospital chain and demanded a ransom of 5 million "
                        + "dollars in bitcoin. The criminals threatened to leak patient records unless the "
                        + "extortion payment was made. The hackers are believed to be Russian speakers.");

        assertThat(tags.espionage()).isFalse();
        assertThat(tags.attributed()).isEmpty();
    }

    @Test
    void humanSpyWithoutHackingIsNotEspionage() {
        Tags tags = TAGGER.tag("Former diplomat jailed for selling secrets",
                "A former diplomat was sentenced to ten years for selling classified documents to a foreign "
                        + "intelligence service. Prosecutors said he met his handlers in hotels and was paid in "
                        + "cash for printed cables. The spy case strained relations between the two countries.");

        assertThat(tags.espionage()).isFalse();
    }

    @Test
    void patchNewsWithoutAStateActorIsNotEspionage() {
        Tags tags = TAGGER.tag("Vendor patches critical VPN flaw",
                "The vendor released a security update for a critical vulnerability, CVE-2024-12345, in its VPN "
                        + "appliance. Researchers found the flaw and published a proof of concept. Customers "
                        + "should install the patch as soon as possible.");

        assertThat(tags.espionage()).isFalse();
        assertThat(tags.cves()).containsExactly("CVE-2024-12345");
    }

    @Test
    void militaryNewsWithoutACyberOperationIsNotEspionage() {
        Tags tags = TAGGER.tag("Navy moves warships after missile test",
                "The navy moved two warships into the strait after a missile test on Sunday. Officials said the "
                        + "troops would stay until the summit next month, and warned of sanctions.");

        assertThat(tags.espionage()).isFalse();
    }

    @Test
    void extractsCvesTechniquesAndMalware() {
        Tags tags = TAGGER.tag("Espionage group exploits mail server bug",
                "Iranian state-backed hackers exploited cve-2021-26855 and dropped the PlugX remote access "
                        + "tool along with a new ShadowBridge backdoor. The intrusion used T1566.001 and T1003, "
                        + "and DLL side-loading to hide.");

        assertThat(tags.cves()).containsExactly("CVE-2021-26855");
        assertThat(tags.techniques()).containsExactly("T1566.001", "T1003", "T1574.002");
        assertThat(tags.malware()).containsExactly("PlugX", "ShadowBridge");
    }

    @Test
    void everyEvidenceOffsetPointsAtItsTextInTitleNewlineBody() {
        String title = "North Korean hackers target defence firms";
        String text = "A North Korea-linked group sent fake job offers to engineers at defence contractors in "
                + "South Korea, planting spyware to steal military secrets.";
        Tags tags = TAGGER.tag(title, text);

        String full = title + "\n" + text;
        assertThat(tags.espionage()).isTrue();
        assertThat(tags.victims()).containsExactly(new Country("KR", "South Korea"));
        for (Evidence e : tags.evidence()) {
            assertThat(full.substring(e.offset(), e.offset() + e.text().length())).isEqualTo(e.text());
        }
        assertThat(tags.evidence()).filteredOn(e -> e.tag().equals("attributed"))
                .extracting(Evidence::text, Evidence::offset, Evidence::rule)
                .contains(tuple("North Korean hackers", 0, "state-actor-noun"));
    }

    @Test
    void rejectsAnInvalidTaxonomyNamingFileAndLine(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("taxonomy.yaml");
        Files.writeString(file, "threshold: 0.6\nsignals:\n  cyber:\n    weight: [not, a, number]\n");

        assertThatThrownBy(() -> Tagger.load(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Invalid taxonomy " + file + " line 4 (signals.cyber.weight): ");
    }

    @Test
    void namesTheLineOfAMisspelledTaxonomyKey(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("taxonomy.yaml");
        Files.writeString(file,
                "threshold: 0.6\nsignals:\n  cyber:\n    wieght: 2\n    terms:\n      hack: 1\nbias: 1\n");

        assertThatThrownBy(() -> Tagger.load(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Invalid taxonomy " + file + " line 4 (signals.cyber.wieght): "
                        + "Unrecognized field \"wieght\"");
    }

    @Test
    void loadsTheProjectsExampleTaxonomy() {
        // Surefire runs in the module directory; config/ is at the repository root.
        Path example = Path.of("..", "config", "taxonomy.yaml");

        assertThat(Tagger.load(example).version()).isEqualTo("spyglass-tagger/1.6");
    }

    @Test
    void acceptsATaxonomyOfOnlyComments(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("taxonomy.yaml");
        Files.writeString(file, "# nothing to add yet\n");
        String title = "Kremlin-backed hackers stole NATO plans";
        String text = "Russian military intelligence hackers broke into a NATO network and exfiltrated plans.";

        assertThat(Tagger.load(file).tag(title, text)).isEqualTo(TAGGER.tag(title, text));
    }

    @Test
    void userTaxonomyAddsAnActorWithItsState(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("taxonomy.yaml");
        Files.writeString(file, "actors:\n  - name: Glass Heron\n    country: VN\n    aliases: [HERON-7]\n");
        String text = "Security researchers said the HERON-7 group hacked into foreign ministry networks in a "
                + "long-running cyber espionage campaign, planting a backdoor to steal diplomatic cables.";

        Tags tags = Tagger.load(file).tag("Spies in the ministry", text);

        assertThat(tags.actors()).containsExactly(new Actor("Glass Heron", "VN"));
        assertThat(tags.attributed()).containsExactly(new Country("VN", "Vietnam"));
    }

    @Test
    void statesListedTogetherAsTargetsShareTheirStanding() {
        // The United States is named as the target three times; the list of other targets once, after a bare "in".
        Tags tags = TAGGER.tag("Chinese hackers target the United States",
                "Chinese state-sponsored hackers attacked the United States. Attacks on the United States continued, "
                        + "and agencies located in the United States were breached. The group also hit companies in "
                        + "Australia, Brazil, Chile, India and Japan, and stole data.");

        assertThat(tags.attributed()).extracting(Country::code).containsExactly("CN");
        assertThat(tags.victims()).extracting(Country::code)
                .containsExactlyInAnyOrder("US", "AU", "BR", "CL", "IN", "JP");
    }
}
