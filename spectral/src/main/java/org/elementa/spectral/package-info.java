/** Fast Fourier transforms (complex and real, any size, 1D to 3D) and spectral grids. */
package org.elementa.spectral;
