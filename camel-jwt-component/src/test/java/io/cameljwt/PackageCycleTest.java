package io.cameljwt;

import java.util.Set;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * No package of the component depends, directly or through others, on a package that depends on it: each package can
 * be read, tested and changed from the bottom up. The layers, from the bottom: the public value types of
 * {@link #BOTTOM_LAYER} (which depend on nothing of the component); {@code internal.settings}, {@code internal.token}
 * and the other internal packages ({@code keys}, {@code policy}, {@code remote}, ...); the operations in
 * {@code internal}; and at the top the Camel component ({@code JwtComponent}, {@code JwtEndpoint},
 * {@code JwtConfiguration}, {@code JwtProducer}), which resolves its configuration into settings values at start.
 */
class PackageCycleTest {

    private static final JavaClasses COMPONENT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.cameljwt");

    /**
     * The public value types that are part of what users see (header names, failures, operations, exceptions) and that
     * the internals use as their own: they are the bottom layer, although they live in the package of the component.
     * The only dependencies of the internals on {@code io.cameljwt} that the cycle check does not count; it is sound
     * because {@link #theBottomLayerDependsOnNoInternal} holds.
     */
    private static final Set<String> BOTTOM_LAYER = Set.of(
            JwtConstants.class.getName(), JwtFailure.class.getName(), JwtOperation.class.getName(),
            JwtValidationException.class.getName(), JwtRevocationUnavailableException.class.getName());

    @Test
    void noPackageOfTheComponentIsInACycle() {
        slices().assignedFrom(EACH_PACKAGE)
                .should().beFreeOfCycles()
                .ignoreDependency(inPackage("io.cameljwt.internal"), inBottomLayer())
                .check(COMPONENT);
    }

    @Test
    void theBottomLayerDependsOnNoInternal() {
        noClasses().that(inBottomLayer())
                .should().dependOnClassesThat(inPackage("io.cameljwt.internal"))
                .check(COMPONENT);
    }

    /** The internals take settings values resolved at start: never the configuration, nor the Camel component itself. */
    @Test
    void noInternalDependsOnTheConfigurationOrTheCamelComponent() {
        noClasses().that(inPackage("io.cameljwt.internal"))
                .should().dependOnClassesThat(DescribedPredicate.describe("the configuration or the Camel component",
                        javaClass -> Set.of(JwtConfiguration.class.getName(), JwtEndpoint.class.getName(),
                                JwtComponent.class.getName(), JwtProducer.class.getName())
                                .contains(outermost(javaClass).getName())))
                .check(COMPONENT);
    }

    /** One slice per package (a subpackage is a slice of its own), for the classes of the component. */
    private static final SliceAssignment EACH_PACKAGE = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String name = javaClass.getPackageName();
            return name.equals("io.cameljwt") || name.startsWith("io.cameljwt.")
                    ? SliceIdentifier.of(name) : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "each package of io.cameljwt";
        }
    };

    private static DescribedPredicate<JavaClass> inPackage(String prefix) {
        return DescribedPredicate.describe("in " + prefix + "..",
                javaClass -> javaClass.getPackageName().equals(prefix) || javaClass.getPackageName().startsWith(prefix + "."));
    }

    /** A type of {@link #BOTTOM_LAYER}, an array of one, or a class nested in one. */
    private static DescribedPredicate<JavaClass> inBottomLayer() {
        return DescribedPredicate.describe("in the bottom layer " + BOTTOM_LAYER,
                javaClass -> BOTTOM_LAYER.contains(outermost(javaClass).getName()));
    }

    /** The top-level class that declares this class (itself if it is one), or its element type's for an array. */
    private static JavaClass outermost(JavaClass javaClass) {
        JavaClass outer = javaClass.getBaseComponentType();
        while (outer.getEnclosingClass().isPresent()) {
            outer = outer.getEnclosingClass().get();
        }
        return outer;
    }
}
