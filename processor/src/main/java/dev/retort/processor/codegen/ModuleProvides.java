package dev.retort.processor.codegen;

import dev.retort.index.MigrationIndex;
import dev.retort.processor.Diagnostics;
import javax.lang.model.element.Element;
import javax.lang.model.element.ModuleElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * In a named module the generated index is found by the module's {@code provides}, which the
 * processor cannot write: it checks the line is there, and says which line to add. It asks only
 * once the index exists (the last round): javac 17 to 20 report a false "service implementation
 * does not have a default constructor" when a processor reads a module's directives before the
 * class they name is generated (JDK-8305225).
 */
public final class ModuleProvides {

    private ModuleProvides() {
    }

    /** The named module {@code element} is compiled in, or null on the class path. */
    public static ModuleElement namedModule(Elements elements, Element element) {
        ModuleElement module = elements.getModuleOf(element);
        return module == null || module.isUnnamed() ? null : module;
    }

    /** Reports, on the module, a missing {@code provides MigrationIndex with index}. */
    public static void check(ModuleElement module, String index, Diagnostics diagnostics) {
        for (ModuleElement.ProvidesDirective p : ElementFilter.providesIn(module.getDirectives())) {
            if (p.getService().getQualifiedName().contentEquals(MigrationIndex.class.getName()) && p.getImplementations()
                    .stream().anyMatch(t -> t.getQualifiedName().contentEquals(index))) {
                return;
            }
        }
        diagnostics.error(Diagnostics.MODULE_PROVIDES + " module " + module.getQualifiedName() + " does not provide its"
                + " migration index; add to module-info.java: provides " + MigrationIndex.class.getName() + " with "
                + index + ";", module, null, null);
    }
}
