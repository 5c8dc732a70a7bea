package io.spyglass.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScriptsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "防衛省は、中国の攻撃グループが内部ネットワークに侵入したと発表した。 | ja",
            "국방부는 북한 해킹 조직이 내부망에 침입했다고 밝혔다. | ko",
            "国家安全部称，境外间谍情报机关对我国科研院所发动网络攻击。 | zh",
            "國防部表示，駭客組織長期潛伏於政府網路。 | zh",
            "وزارة الدفاع تعلن عن هجوم إلكتروني على شبكتها الداخلية | ar",
            "Το υπουργείο ανακοίνωσε κυβερνοεπίθεση στο δίκτυό του | el",
            "משרד הביטחון הודיע על מתקפת סייבר על הרשת הפנימית | he",
    })
    void tellsTheLanguagesItsScriptAloneGives(String text, String language) {
        assertThat(Scripts.count(text).language()).isEqualTo(language);
    }

    @Test
    void aJapaneseReportQuotingAnEnglishAdvisoryIsStillJapanese() {
        String text = "米CISAは「Volt Typhoon targets critical infrastructure」と警告し、日本の組織にも注意を呼びかけた。";
        assertThat(Scripts.count(text).cjkLanguage()).isEqualTo("ja");
    }

    @Test
    void latinAndCyrillicTextIsLeftToOtherMeans() {
        assertThat(Scripts.count("The ministry said hackers had been in its network for months.").language()).isNull();
        assertThat(Scripts.count("Министерство сообщило о кибератаке на свою сеть.").language()).isNull();
        assertThat(Scripts.count("APT41 攻撃 was reported by Mandiant and several other vendors in the United States")
                .cjkLanguage()).isNull();
        assertThat(Scripts.count("").language()).isNull();
    }

    @Test
    void countsLettersOnlyByScript() {
        assertThat(Scripts.count("日本の APT 2024!")).isEqualTo(new Scripts(6, 2, 1, 0, 0, 0, 0));
    }
}
