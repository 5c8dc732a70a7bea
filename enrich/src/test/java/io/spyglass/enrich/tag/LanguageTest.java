package io.spyglass.enrich.tag;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguageTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            en | Investigators said the intruders stayed inside the ministry's network for months before anyone noticed the stolen files.
            de | Die Ermittler gehen davon aus, dass die Angreifer monatelang unbemerkt im Netz des Ministeriums blieben und Dateien abzogen.
            fr | Les enquêteurs estiment que les attaquants sont restés des mois dans le réseau du ministère avant que quiconque ne remarque le vol.
            ru | Следователи считают, что злоумышленники несколько месяцев находились в сети министерства, прежде чем кто-то заметил кражу.
            ja | 捜査当局によると、攻撃者は数か月にわたり省のネットワークに潜伏し、誰も気づかないうちにファイルを持ち出していた。
            zh | 调查人员认为，攻击者在该部委的网络中潜伏了数月，在任何人察觉之前窃取了大量文件。
            ko | 수사 당국은 공격자들이 수개월 동안 부처의 네트워크에 잠복하며 아무도 모르게 파일을 빼돌렸다고 밝혔다.
            """)
    void tellsEachTaggedLanguageFromItsText(String expected, String text) {
        assertThat(Language.detect(null, text, null)).isEqualTo(expected);
    }

    @Test
    void traditionalChineseIsChinese() {
        assertThat(Language.detect("調查人員指出", "攻擊者在該部會的網路中潛伏數月，在任何人察覺之前竊取了大量機密文件。", null))
                .isEqualTo("zh");
    }

    @Test
    void aJapaneseReportQuotingEnglishAtLengthIsStillJapanese() {
        String text = "米セキュリティー企業は報告書で次のように述べた。"
                + "\"The actor relied on spear-phishing and custom loaders to reach the targets.\" "
                + "同社によると、攻撃は昨年から続いており、日本の防衛関連企業が標的になったという。";

        assertThat(Language.detect(null, text, "en")).isEqualTo("ja");
    }

    @Test
    void aTextTooShortToTellTakesTheDeclaredLanguageOrNone() {
        assertThat(Language.detect("APT28", "", "de-DE")).isEqualTo("de");
        assertThat(Language.detect("APT28", null, null)).isEqualTo(Language.UNDETERMINED);
        assertThat(Language.detect(null, "12345 67890 !!! ???", "")).isEqualTo(Language.UNDETERMINED);
    }

    @Test
    void theDetectorOverridesAWrongDeclarationWhenItIsSure() {
        String german = "Die Bundesregierung hat die Angriffe auf die Netze mehrerer Ministerien bestätigt. Nach "
                + "Angaben der Behörden waren die Angreifer über Monate in den Systemen und haben Dokumente kopiert.";

        assertThat(Language.detect(null, german, "en-US")).isEqualTo("de");
    }

    @Test
    void aLanguageNobodyTagsIsStillNamedAndScriptsWithoutProfilesAreUndetermined() {
        assertThat(Language.detect(null, "De onderzoekers denken dat de aanvallers maandenlang in het netwerk van "
                + "het ministerie zaten voordat iemand de diefstal opmerkte.", null)).isEqualTo("nl");
        // Ge'ez script: no profile reads it, and nothing is declared.
        assertThat(Language.detect(null, "ሰላም ለዓለም ይሁን ይህ የሙከራ ጽሑፍ ነው ለቋንቋ መለያ ብቻ የተጻፈ ነው", null))
                .isIn(Language.UNDETERMINED, "am");
    }

    @Test
    void declaredCodesAreNormalisedToTwoLetters() {
        assertThat(Language.normalise("ja-JP")).isEqualTo("ja");
        assertThat(Language.normalise("zh_Hant")).isEqualTo("zh");
        assertThat(Language.normalise("jpn")).isEqualTo("ja");
        assertThat(Language.normalise(" FR ")).isEqualTo("fr");
        assertThat(Language.normalise("x")).isEqualTo(Language.UNDETERMINED);
        assertThat(Language.normalise("klingon")).isEqualTo(Language.UNDETERMINED);
        assertThat(Language.normalise(null)).isEqualTo(Language.UNDETERMINED);
    }
}
