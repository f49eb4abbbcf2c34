/**
 * Atoms to solve: chemical symbols ({@link org.elementa.atomic.config.PeriodicTable}), NIST's
 * ground-state configurations Z = 1..92 read from resources
 * ({@link org.elementa.atomic.config.NistConfigurations}), and validated user configurations
 * ({@link org.elementa.atomic.config.Configuration#parse}, e.g. "[Ar] 3d6 4s2").
 */
package org.elementa.atomic.config;
