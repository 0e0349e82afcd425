package dev.retort.samples.chatroom;

import dev.retort.cli.Main;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The seed's {@code scripts/db_commands.py}, each command mapped onto Retort's command line (with
 * the settings of {@code retort.properties} in the working directory):
 *
 * <pre>
 * info                    retort info
 * status                  retort status
 * create "MESSAGE"        retort revision -m "MESSAGE"
 * migrate                 retort upgrade head
 * rollback [N]            retort downgrade -N      (N defaults to 1)
 * reset [--yes]           retort reset [--yes]
 * backup                  retort backup
 * </pre>
 */
public final class ChatroomDb {

    private ChatroomDb() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, System.getenv(), Path.of("").toAbsolutePath(), System.in));
    }

    static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env, Path dir, InputStream in) {
        List<String> retort = translate(Arrays.asList(args));
        if (retort == null) {
            err.println("usage: chatroom-db info | status | create \"MESSAGE\" | migrate | rollback [N] | reset [--yes]"
                    + " | backup");
            return 2;
        }
        return Main.run(retort.toArray(String[]::new), out, err, env, dir, in);
    }

    /** The Retort command for a db_commands command, or null when there is none. */
    static List<String> translate(List<String> args) {
        if (args.isEmpty()) {
            return null;
        }
        List<String> rest = args.subList(1, args.size());
        var command = new ArrayList<String>();
        switch (args.get(0)) {
            case "info", "status", "backup" -> command.add(args.get(0));
            case "create" -> {
                if (rest.size() != 1) {
                    return null;
                }
                command.addAll(List.of("revision", "-m", rest.get(0)));
                return command;
            }
            case "migrate" -> command.addAll(List.of("upgrade", "head"));
            case "rollback" -> {
                String steps = rest.isEmpty() ? "1" : rest.get(0);
                if (!steps.matches("[1-9][0-9]{0,3}") || rest.size() > 1) {
                    return null;
                }
                command.addAll(List.of("downgrade", "-" + steps));
                return command;
            }
            case "reset" -> command.add("reset");
            default -> {
                return null;
            }
        }
        command.addAll(rest);
        return command;
    }
}
