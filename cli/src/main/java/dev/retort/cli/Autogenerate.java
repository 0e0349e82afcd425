package dev.retort.cli;

import com.squareup.javapoet.CodeBlock;
import dev.retort.ErrorCode;
import dev.retort.RetortException;
import dev.retort.graph.RevisionGraph;
import dev.retort.index.RevisionInfo;
import dev.retort.runtime.ModelDiff;
import dev.retort.runtime.Retort;
import dev.retort.runtime.autogen.Difference;
import dev.retort.runtime.model.Model;
import dev.retort.cli.scaffold.OpWriter;
import java.util.ArrayList;
import java.util.List;

/** What {@code revision --autogenerate} and {@code check} with a model share: the model, and the comparison. */
final class Autogenerate {

    private Autogenerate() {
    }

    /** The configured model ({@code --model}, else the file's), or {@code null}. */
    static Model model(RetortCommand top, String option) {
        Model model = top.settings().model(option);
        return model == null || model.database() == null ? model : model.withDatabase(top.inWorkingDir(model.database()));
    }

    /** The configured model, or an error saying how to give one. */
    static Model requiredModel(RetortCommand top, String option, String command) {
        Model model = model(top, option);
        if (model == null) {
            throw new RetortException(ErrorCode.BAD_OPTION, command + " needs a model to compare the migrations with:"
                    + " --model jpa:<package>, class:<fully.qualified.Name> or url:<database>, or model=… in retort.properties");
        }
        return model;
    }

    /**
     * The model against the migrations at {@code revisions}, after checking that every revision the
     * sources declare is compiled: autogenerate replays the compiled migrations, so one missing
     * would be written again.
     */
    static ModelDiff.Result compare(RetortCommand top, Retort retort, Model model, List<RevisionInfo> declared,
            List<String> revisions) {
        if (!revisions.isEmpty() || !declared.isEmpty()) {
            RevisionGraph compiled = retort.graph();
            var missing = declared.stream().map(RevisionInfo::id).filter(id -> !compiled.contains(id)).toList();
            if (!missing.isEmpty()) {
                throw new RetortException(ErrorCode.BAD_OPTION, "revision(s) " + String.join(", ", missing) + " are in the"
                        + " sources but not compiled; compile first (mvn compile), so autogenerate replays every migration");
            }
        }
        return retort.compareWithModel(model, top.settings().modelSettings(), revisions);
    }

    /** The body of the new migration's upgrade: a note that it was generated, then each op. */
    static List<CodeBlock> upgradeBody(Model model, List<Difference> differences) {
        var body = new ArrayList<CodeBlock>();
        body.add(CodeBlock.of("// Written by retort revision --autogenerate from $L: review it, and adjust it, before it runs.\n",
                model.describe()));
        for (Difference d : differences) {
            body.add(OpWriter.statement(d.op(), d.notes()));
        }
        return body;
    }
}
