package io.spyglass.app.command;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Option;

/**
 * The files of the file-to-file commands ({@code tag}, {@code stix}), a picocli mixin: {@code --input} and
 * {@code --output}, where {@code -} means stdin or stdout.
 */
public final class CommandFiles {
    private static final Logger LOG = LoggerFactory.getLogger(CommandFiles.class);

    @Option(names = "--input", required = true, paramLabel = "FILE", description = "JSON lines to read, or - for stdin")
    String input;

    @Option(names = "--output", required = true, paramLabel = "FILE", description = "where to write, or - for stdout")
    String output;

    /** True when the input is {@code -} or a file that can be read; logs the error when not. */
    boolean inputReadable() {
        if ("-".equals(input) || Files.isReadable(Path.of(input))) {
            return true;
        }
        LOG.error("Cannot read input file {}", input);
        return false;
    }

    /** UTF-8 text from the input, or from stdin for {@code -}. */
    Reader open() throws IOException {
        return "-".equals(input) ? new InputStreamReader(System.in, StandardCharsets.UTF_8)
                : Files.newBufferedReader(Path.of(input), StandardCharsets.UTF_8);
    }

    /** What a command does with one line of its input. */
    interface LineHandler {
        void handle(long number, String line) throws IOException;
    }

    /** Hands each non-blank line of {@code in} to {@code handler}, with its number from 1 (for the warnings). */
    static void forEachLine(BufferedReader in, LineHandler handler) throws IOException {
        long number = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            number++;
            if (!line.isBlank()) {
                handler.handle(number, line);
            }
        }
    }

    /** UTF-8 text to the output, replacing it, or to stdout for {@code -}. */
    Writer create() throws IOException {
        return "-".equals(output) ? new OutputStreamWriter(System.out, StandardCharsets.UTF_8)
                : Files.newBufferedWriter(Path.of(output), StandardCharsets.UTF_8);
    }
}
