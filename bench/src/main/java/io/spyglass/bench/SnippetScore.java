package io.spyglass.bench;

import java.util.List;
import java.util.Map;

/**
 * The dev set's snippet metric, ported from its {@code score.py}: whitespace-normalised, case-sensitive
 * substring search of "with" snippets (true positives) and "without" snippets (false positives), summed
 * over pages.
 *
 * @param tp "with" snippets found
 * @param fp "without" snippets found
 * @param fn "with" snippets missing
 */
record SnippetScore(int tp, int fp, int fn) {

    /** One page's ground truth: snippets that must and must not appear in the extracted text. */
    record Truth(String id, String url, List<String> with, List<String> without) {
    }

    double precision() {
        return tp + fp == 0 ? 0 : (double) tp / (tp + fp);
    }

    double recall() {
        return tp + fn == 0 ? 0 : (double) tp / (tp + fn);
    }

    double f1() {
        return 2 * tp + fp + fn == 0 ? 0 : 2.0 * tp / (2 * tp + fp + fn);
    }

    /** Scores predicted texts by page id against the truth; a missing prediction counts as empty. */
    static SnippetScore of(List<Truth> truth, Map<String, String> predictions) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (Truth t : truth) {
            String text = normalise(predictions.getOrDefault(t.id(), ""));
            if (text.isEmpty()) {
                fn += t.with().size();
                continue;
            }
            for (String s : t.with()) {
                if (text.contains(normalise(s))) {
                    tp++;
                } else {
                    fn++;
                }
            }
            for (String s : t.without()) {
                if (text.contains(normalise(s))) {
                    fp++;
                }
            }
        }
        return new SnippetScore(tp, fp, fn);
    }

    /** Python's {@code re.sub(r"\s+", " ", s).strip()} for str patterns, which treat Unicode spaces as \s. */
    static String normalise(String s) {
        var out = new StringBuilder(s.length());
        boolean pending = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isPythonSpace(c)) {
                pending = out.length() > 0;
            } else {
                if (pending) {
                    out.append(' ');
                    pending = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isPythonSpace(char c) {
        return c >= '\t' && c <= '\r' || c >= '\u001C' && c <= ' ' || c == '\u0085' || c == '\u00A0'
                || c == '\u1680' || c >= '\u2000' && c <= '\u200A' || c == '\u2028' || c == '\u2029'
                || c == '\u202F' || c == '\u205F' || c == '\u3000';
    }
}
