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

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * No package of the component depends, directly or through others, on a package that depends on it: each package can
 * be read, tested and changed from the bottom up ({@code token}, then {@code keys}, {@code policy}, ... then the
 * operations, then the Camel endpoint).
 */
class PackageCycleTest {

    private static final JavaClasses COMPONENT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.cameljwt");

    /**
     * The public types the internals still use: the endpoint's configuration, header names, failures, operations and
     * exceptions. The endpoint in turn builds the internals, so these make the one cycle left between
     * {@code io.cameljwt} and {@code io.cameljwt.internal}: it goes once the internals take settings values resolved
     * at start instead of {@code JwtConfiguration}, and failures and header names of their own. Any other dependency
     * of an internal on the public package (the endpoint, the producer) fails this test.
     */
    private static final Set<String> PUBLIC_TYPES_INTERNALS_USE = Set.of(
            JwtConfiguration.class.getName(), JwtConstants.class.getName(), JwtFailure.class.getName(),
            JwtOperation.class.getName(), JwtValidationException.class.getName(),
            JwtRevocationUnavailableException.class.getName());

    @Test
    void noPackageOfTheComponentIsInACycle() {
        slices().assignedFrom(EACH_PACKAGE)
                .should().beFreeOfCycles()
                .ignoreDependency(inPackage("io.cameljwt.internal"), publicTypeInternalsUse())
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

    private static DescribedPredicate<JavaClass> publicTypeInternalsUse() {
        return DescribedPredicate.describe("a public type the internals use",
                javaClass -> PUBLIC_TYPES_INTERNALS_USE.contains(javaClass.getBaseComponentType().getName())
                             || javaClass.getEnclosingClass().map(e -> PUBLIC_TYPES_INTERNALS_USE.contains(e.getName()))
                                     .orElse(false));
    }
}
