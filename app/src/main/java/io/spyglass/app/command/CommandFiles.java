package io.spyglass.app.command;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The files of the file-to-file commands ({@code tag}, {@code stix}), where {@code -} means stdin or stdout. */
public final class CommandFiles {

    private CommandFiles() {
    }

    /** True when {@code input} is {@code -} or a file that can be read. */
    static boolean readable(String input) {
        return "-".equals(input) || Files.isReadable(Path.of(input));
    }

    /** UTF-8 text from {@code input}, or from stdin for {@code -}. */
    static Reader open(String input) throws IOException {
        return "-".equals(input) ? new InputStreamReader(System.in, StandardCharsets.UTF_8)
                : Files.newBufferedReader(Path.of(input), StandardCharsets.UTF_8);
    }

    /** UTF-8 text to {@code output}, replacing it, or to stdout for {@code -}. */
    static Writer create(String output) throws IOException {
        return "-".equals(output) ? new OutputStreamWriter(System.out, StandardCharsets.UTF_8)
                : Files.newBufferedWriter(Path.of(output), StandardCharsets.UTF_8);
    }
}
