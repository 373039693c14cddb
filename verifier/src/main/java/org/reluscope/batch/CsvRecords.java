package org.reluscope.batch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.reluscope.BadInputException;

/**
 * Splits one line of comma-separated values into fields (RFC 4180 without line breaks inside
 * fields): a field in double quotes may contain commas, and {@code ""} inside it stands for
 * one quote. Fields are stripped of surrounding blanks. Writing goes through {@link #quote}.
 */
public final class CsvRecords {
    private CsvRecords() {
    }

    /**
     * The fields of {@code line}.
     *
     * @throws IllegalArgumentException on an unterminated quoted field or text after a closing quote
     */
    public static List<String> split(String line) {
        List<String> fields = new ArrayList<>();
        int i = 0;
        while (true) {
            StringBuilder field = new StringBuilder();
            while (i < line.length() && line.charAt(i) == ' ') {
                i++;
            }
            if (i < line.length() && line.charAt(i) == '"') {
                i = quoted(line, i + 1, field);
                while (i < line.length() && line.charAt(i) == ' ') {
                    i++;
                }
                if (i < line.length() && line.charAt(i) != ',') {
                    throw new IllegalArgumentException("column " + (i + 1) + ": text after a closing quote");
                }
                fields.add(field.toString());
            } else {
                int end = line.indexOf(',', i);
                end = end < 0 ? line.length() : end;
                fields.add(line.substring(i, end).strip());
                i = end;
            }
            if (i >= line.length()) {
                return fields;
            }
            i++;
        }
    }

    /**
     * The fields of line {@code line} of {@code file}, a malformed line reported as bad input
     * naming the file, line and column.
     */
    public static List<String> split(Path file, int line, String text) {
        try {
            // a spreadsheet's byte-order mark would otherwise stick to the first field
            return split(line == 1 && text.startsWith("\uFEFF") ? text.substring(1) : text);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(file, "line " + line + ", " + e.getMessage());
        }
    }

    /** Reads a quoted field from just after its opening quote into {@code field}; returns the index after its end. */
    private static int quoted(String line, int start, StringBuilder field) {
        int i = start;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '"') {
                if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            field.append(c);
            i++;
        }
        throw new IllegalArgumentException("column " + start + ": quoted field is not closed");
    }

    /**
     * {@code text} as one CSV field: quoted when it holds a comma, a quote or blanks at either
     * end; line breaks become spaces.
     */
    public static String quote(String text) {
        String flat = text.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
        boolean needs = flat.contains(",") || flat.contains("\"") || !flat.equals(flat.strip());
        return needs ? '"' + flat.replace("\"", "\"\"") + '"' : flat;
    }
}
