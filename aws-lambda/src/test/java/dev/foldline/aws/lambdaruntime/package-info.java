/**
 * A stand-in for the CRaC context that Lambda's Java runtime provides to SnapStart functions. The
 * runtime starts the JVM with {@code -Dorg.crac.Core.Compat=<its package>}, and the {@code org.crac}
 * library then hands every registered {@code org.crac.Resource} to that package's context; after
 * a restore the runtime calls the context's {@code afterRestore}, which calls the hooks in the order
 * they were registered and fails the restore if one threw. The tests and the restore benchmark
 * name this package the same way, so hooks reach it through the real {@code org.crac} path.
 *
 * <p>The five names ({@code Core}, {@code Context}, {@code Resource}, {@code CheckpointException},
 * {@code RestoreException}) and their methods are what {@code org.crac} looks up by reflection.
 */
package dev.foldline.aws.lambdaruntime;
