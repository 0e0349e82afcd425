package dev.retort.index;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;

/**
 * The text form in which a generated index carries its revisions: one record per revision ended
 * by the record separator U+001E (not a newline, which would make the source generator split the
 * literal into a chain of {@code +} for javac to fold), fields separated by tabs, list items by
 * commas, the message last with {@code \}, tab, newline and U+001E escaped. The processor writes it into {@code public static final String} constants of the
 * index (javac compiles a few string constants in no time, where thousands of statements took
 * seconds), the runtime decodes it once, and the processor of another compilation reads the same
 * constants from the class file to check revisions that revise these.
 */
public final class IndexCodec {

    /** The generated index's constants are named {@code REVISIONS_0}, {@code REVISIONS_1}, … */
    public static final String CONSTANT_PREFIX = "REVISIONS_";

    /** Characters per constant: a class-file constant holds at most 65,535 bytes, three per char at worst. */
    public static final int CHUNK_CHARS = 16_000;

    private static final char END = '\u001e';

    private IndexCodec() {
    }

    /** The revisions as text, cut into constants of at most {@link #CHUNK_CHARS} characters between records. */
    public static List<String> encode(List<RevisionInfo> revisions) {
        var chunks = new ArrayList<String>();
        var chunk = new StringBuilder();
        for (RevisionInfo r : revisions) {
            String line = line(r);
            if (chunk.length() > 0 && chunk.length() + line.length() > CHUNK_CHARS) {
                chunks.add(chunk.toString());
                chunk.setLength(0);
            }
            chunk.append(line);
        }
        if (chunk.length() > 0 || chunks.isEmpty()) {
            chunks.add(chunk.toString());
        }
        return chunks;
    }

    public static List<RevisionInfo> decode(String... chunks) {
        var revisions = new ArrayList<RevisionInfo>();
        for (String chunk : chunks) {
            int start = 0;
            while (start < chunk.length()) {
                int end = recordEnd(chunk, start);
                revisions.add(parse(chunk.substring(start, end)));
                start = end + 1;
            }
        }
        return revisions;
    }

    /**
     * The ids of the revisions no other revises, in text order, read from the text without
     * decoding it: what a start at head needs of 1,000 revisions is their ids and parents, not
     * their messages and class names.
     */
    public static List<String> heads(String... chunks) {
        var ids = new ArrayList<String>();
        var revised = new HashSet<String>();
        for (String chunk : chunks) {
            int start = 0;
            while (start < chunk.length()) {
                int end = recordEnd(chunk, start);
                int idEnd = chunk.indexOf('\t', start);
                int revisesEnd = idEnd < 0 ? -1 : chunk.indexOf('\t', idEnd + 1);
                if (idEnd < 0 || revisesEnd < 0 || revisesEnd > end) {
                    throw new IllegalArgumentException("not a revision of a Retort index: " + chunk.substring(start, end));
                }
                ids.add(chunk.substring(start, idEnd));
                for (int from = idEnd + 1; from < revisesEnd; ) {
                    int comma = chunk.indexOf(',', from);
                    int to = comma < 0 || comma > revisesEnd ? revisesEnd : comma;
                    revised.add(chunk.substring(from, to));
                    from = to + 1;
                }
                start = end + 1;
            }
        }
        var heads = new ArrayList<String>();
        for (String id : ids) {
            if (!revised.contains(id)) {
                heads.add(id);
            }
        }
        return heads;
    }

    /** Where the record that starts at {@code start} ends; a text cut short is no index's. */
    private static int recordEnd(String chunk, int start) {
        int end = chunk.indexOf(END, start);
        if (end < 0) {
            throw new IllegalArgumentException("not a revision of a Retort index: " + chunk.substring(start));
        }
        return end;
    }

    private static String line(RevisionInfo r) {
        return r.id() + '\t' + String.join(",", r.revises()) + '\t' + String.join(",", r.branchLabels()) + '\t'
                + String.join(",", r.dependsOn()) + '\t' + (r.transactional() ? '1' : '0') + '\t' + r.className() + '\t'
                + escape(r.message()) + END;
    }

    private static RevisionInfo parse(String line) {
        String[] f = line.split("\t", 7);
        if (f.length != 7) {
            throw new IllegalArgumentException("not a revision of a Retort index: " + line);
        }
        return new RevisionInfo(f[0], list(f[1]), unescape(f[6]), list(f[2]), list(f[3]), f[4].equals("1"), f[5]);
    }

    private static List<String> list(String items) {
        return items.isEmpty() ? List.of() : Arrays.asList(items.split(","));
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\u001e", "\\e");
    }

    private static String unescape(String text) {
        if (text.indexOf('\\') < 0) {
            return text;
        }
        var out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(++i);
                out.append(next == 't' ? '\t' : next == 'n' ? '\n' : next == 'e' ? END : next);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
