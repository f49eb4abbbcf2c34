package org.elementa.fem.space;

/** Condition at one end of a 1D space. */
public enum BoundaryCondition {
    /** u = 0 there: the end node's degree of freedom is eliminated. */
    DIRICHLET,
    /** No condition imposed (natural / homogeneous Neumann in a variational problem): the end dof is kept. */
    NATURAL
}
