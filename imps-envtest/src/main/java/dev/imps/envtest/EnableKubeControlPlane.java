package dev.imps.envtest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives a test class the run's shared {@link KubeControlPlane} (with the imps CRD installed) as a
 * parameter; see {@link KubeControlPlaneExtension}.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(KubeControlPlaneExtension.class)
public @interface EnableKubeControlPlane {}
