/** JMH benchmarks; run with {@code java -jar jmh/target/benchmarks.jar}. */
package org.elementa.jmh;
