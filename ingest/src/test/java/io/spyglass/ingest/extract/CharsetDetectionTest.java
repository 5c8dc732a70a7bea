package io.spyglass.ingest.extract;

import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class CharsetDetectionTest {

    @Test
    void decodesShiftJisDeclaredByHttpEquiv() {
        ExtractedPage page = Fixtures.extract("charset-shift-jis.html");

        assertThat(page.title()).isEqualTo("電力会社に侵入");
        assertThat(page.text()).startsWith("国家の支援を受けたとみられる集団が、").endsWith("内部を移動したという。");
        assertThat(page.language()).isEqualTo("ja");
    }

    @Test
    void decodesGb2312AsGbk() {
        ExtractedPage page = Fixtures.extract("charset-gb2312.html");

        assertThat(page.title()).isEqualTo("能源公司遭入侵");
        assertThat(page.text()).startsWith("安全研究人员周二表示，").endsWith("在系统之间移动。");
        assertThat(page.language()).isEqualTo("zh");
    }

    @Test
    void decodesWindows1251() {
        ExtractedPage page = Fixtures.extract("charset-windows-1251.html");

        assertThat(page.title()).isEqualTo("Шпионы в энергосети");
        assertThat(page.text()).startsWith("Исследователи сообщили во вторник").endsWith("паролей администраторов.");
        assertThat(page.language()).isEqualTo("ru");
    }

    @Test
    void decodesIso88592() {
        assertThat(Fixtures.extract("charset-iso-8859-2.html").text())
                .startsWith("Śledczy z europejskiej firmy zajmującej się bezpieczeństwem");
    }

    @Test
    void fallsBackToWindows1252ForUndeclaredNonUtf8Bytes() {
        assertThat(Fixtures.extract("charset-windows-1252-undeclared.html").text())
                .contains("Energieversorgers spioniert hat.\n\nDie Angreifer gelangten")
                .endsWith("– für „Größe“ gab es keine Grenzen.");
    }

    @Test
    void trustsTheBytesOverAWrongUtf8Declaration() {
        assertThat(Fixtures.extract("charset-utf8-declared-latin1.html").text()).endsWith("für „Größe“ gab es keine Grenzen.");
    }

    @Test
    void usesTheHttpHeaderCharset() {
        ExtractedPage page = ArticleExtractor.withDefaults().extract(Fixtures.bytes("charset-header-only.html"),
                Fixtures.URL, "text/html; charset=ISO-8859-15");

        assertThat(page.text()).contains("2,5 Millionen € geschätzt");
    }

    @Test
    void readsTheByteOrderMark() {
        byte[] page = Fixtures.bytes("charset-utf16-bom.html");

        assertThat(CharsetDetector.detect(page, null)).isEqualTo(StandardCharsets.UTF_16LE);
        assertThat(ArticleExtractor.withDefaults().extract(page, null, null).text()).startsWith("Ermittler einer europäischen");
    }

    @Test
    void mapsLegacyLabelsToTheirBrowserSupersets() {
        assertThat(CharsetDetector.forLabel("ISO-8859-1")).isEqualTo(Charset.forName("windows-1252"));
        assertThat(CharsetDetector.forLabel("gb2312")).isEqualTo(Charset.forName("GBK"));
        assertThat(CharsetDetector.forLabel("Shift_JIS")).isEqualTo(Charset.forName("windows-31j"));
        assertThat(CharsetDetector.forLabel("no-such-charset")).isNull();
    }

    @Test
    void keepsValidUtf8WithOneBrokenSequence() {
        byte[] utf8 = "<p>Größe und Länge der Überwachung, Äußerung, Übergröße</p>".repeat(3)
                .getBytes(StandardCharsets.UTF_8);
        byte[] broken = new byte[utf8.length + 1];
        System.arraycopy(utf8, 0, broken, 0, utf8.length);
        broken[utf8.length] = (byte) 0xC3;

        assertThat(CharsetDetector.detect(broken, null)).isEqualTo(StandardCharsets.UTF_8);
    }
}
