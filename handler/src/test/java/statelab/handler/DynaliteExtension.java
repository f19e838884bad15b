package statelab.handler;

import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests a running {@link Dynalite}: started on first use, shared by every test class of the run (each test
 * makes its own table), stopped when the run ends (JUnit closes the {@code AutoCloseable} values of the root store). Use with {@code @ExtendWith(DynaliteExtension.class)} and a
 * {@code Dynalite} parameter.
 */
final class DynaliteExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(DynaliteExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Dynalite.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent("dynalite", key -> start(), Dynalite.class);
    }

    private static Dynalite start() {
        String root = System.getProperty("statelab.root");
        if (root == null || root.isBlank()) {
            throw new ParameterResolutionException("system property statelab.root is not set (the parent pom passes"
                    + " it to surefire and failsafe; run through Maven or set -Dstatelab.root=<repository>)");
        }
        try {
            return Dynalite.start(Path.of(root));
        } catch (Exception e) {
            throw new ParameterResolutionException("could not start dynalite: " + e.getMessage(), e);
        }
    }
}
