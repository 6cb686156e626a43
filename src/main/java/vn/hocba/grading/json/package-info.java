/**
 * JSON mapping of the interchange formats {@code hocba.class-gradebook/1} (input, validated as a
 * whole, exact decimals) and {@code hocba.class-results/1} (output, one decimal). Jackson only,
 * no Spring. Schemas: {@code classpath:/formats/*.schema.json}.
 *
 * <p>Published as the module's {@code json} named interface (used by the command line and the
 * REST API); the annotation is metadata only, the code stays free of Spring.
 */
@org.springframework.modulith.NamedInterface("json")
package vn.hocba.grading.json;
