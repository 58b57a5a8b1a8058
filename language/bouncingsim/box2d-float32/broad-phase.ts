// planck's broad phase (its dynamic AABB tree, in float64 as planck computes it) without its
// per-call costs: the same tree, built by the same steps, in the same order, so every pair is found
// in the same order and contacts are created in the same order. What planck paid for and these
// do not:
//   - planck numbers every tree node from one counter and keeps every node in an object keyed by
//     that ever-growing id (`m_nodes`), deleting internal nodes as they are freed: the object turns
//     into a hash table that is written twice per re-inserted proxy. Only leaves (proxies) are ever
//     looked up by id, so internal nodes here come from a free list and stay out of `m_nodes`; they
//     still take their number from the counter, so every proxy keeps the id planck gives it (a
//     proxy's id orders the two fixtures of a new pair).
//   - a query took a stack array from a pool and emptied it on release (`length = 0` drops its
//     storage, so the next query allocated again); the pair search called a closure that looked both
//     proxies up by id.
//   - a chain's AABB update transformed each vertex four times (two edges, two transforms); here twice;
//     polygons and circles went through a temporary vector per vertex and two AABB objects.

import { Fixture, Settings, TreeNode } from 'planck';

type Node = any;

// Internal nodes no longer in the tree, for reuse (planck's pool, without its shift()).
const freeInternal: Node[] = [];
function allocateInternal(tree: any): Node {
    const node = freeInternal.length > 0 ? freeInternal.pop() : new TreeNode();
    node.id = ++tree.m_lastProxyId;
    return node;
}
function releaseInternal(node: Node): void {
    node.userData = null; node.parent = null; node.child1 = null; node.child2 = null; node.height = -1;
    freeInternal.push(node);
}

// AABB.combinedPerimeter / getPerimeter / combine, with planck's operation order.
function combinedPerimeter(a: any, b: any): number {
    const lx = Math.min(a.lowerBound.x, b.lowerBound.x);
    const ly = Math.min(a.lowerBound.y, b.lowerBound.y);
    const ux = Math.max(a.upperBound.x, b.upperBound.x);
    const uy = Math.max(a.upperBound.y, b.upperBound.y);
    return 2 * (ux - lx + uy - ly);
}
function perimeter(a: any): number {
    return 2 * (a.upperBound.x - a.lowerBound.x + a.upperBound.y - a.lowerBound.y);
}
function combine(out: any, a: any, b: any): void {
    const lowerX = Math.min(a.lowerBound.x, b.lowerBound.x);
    const lowerY = Math.min(a.lowerBound.y, b.lowerBound.y);
    const upperX = Math.max(b.upperBound.x, a.upperBound.x);
    const upperY = Math.max(b.upperBound.y, a.upperBound.y);
    out.lowerBound.x = lowerX; out.lowerBound.y = lowerY;
    out.upperBound.x = upperX; out.upperBound.y = upperY;
}
// AABB.testOverlap(a, b)
function overlaps(a: any, b: any): boolean {
    const d1x = b.lowerBound.x - a.upperBound.x;
    const d2x = a.lowerBound.x - b.upperBound.x;
    const d1y = b.lowerBound.y - a.upperBound.y;
    const d2y = a.lowerBound.y - b.upperBound.y;
    return !(d1x > 0 || d1y > 0 || d2x > 0 || d2y > 0);
}

export function insertLeaf(this: any, leaf: Node): void {
    if (this.m_root == null) {
        this.m_root = leaf;
        this.m_root.parent = null;
        return;
    }
    // Find the best sibling (surface area heuristic).
    const leafAABB = leaf.aabb;
    let index = this.m_root;
    while (index.child1 != null) {
        const child1 = index.child1, child2 = index.child2;
        const area = perimeter(index.aabb);
        const combinedArea = combinedPerimeter(index.aabb, leafAABB);
        const cost = 2 * combinedArea;
        const inheritanceCost = 2 * (combinedArea - area);
        let cost1 = combinedPerimeter(leafAABB, child1.aabb) + inheritanceCost;
        if (child1.child1 != null) cost1 -= perimeter(child1.aabb);
        let cost2 = combinedPerimeter(leafAABB, child2.aabb) + inheritanceCost;
        if (child2.child1 != null) cost2 -= perimeter(child2.aabb);
        if (cost < cost1 && cost < cost2) break;
        index = cost1 < cost2 ? child1 : child2;
    }
    const sibling = index;
    const oldParent = sibling.parent;
    const newParent = allocateInternal(this);
    newParent.parent = oldParent;
    newParent.userData = null;
    combine(newParent.aabb, leafAABB, sibling.aabb);
    newParent.height = sibling.height + 1;
    if (oldParent != null) {
        if (oldParent.child1 === sibling) oldParent.child1 = newParent;
        else oldParent.child2 = newParent;
    } else {
        this.m_root = newParent;
    }
    newParent.child1 = sibling;
    newParent.child2 = leaf;
    sibling.parent = newParent;
    leaf.parent = newParent;
    // Walk back up, fixing heights and AABBs.
    index = leaf.parent;
    while (index != null) {
        index = this.balance(index);
        const child1 = index.child1, child2 = index.child2;
        index.height = 1 + Math.max(child1.height, child2.height);
        combine(index.aabb, child1.aabb, child2.aabb);
        index = index.parent;
    }
}

export function removeLeaf(this: any, leaf: Node): void {
    if (leaf === this.m_root) {
        this.m_root = null;
        return;
    }
    const parent = leaf.parent;
    const grandParent = parent.parent;
    const sibling = parent.child1 === leaf ? parent.child2 : parent.child1;
    if (grandParent != null) {
        if (grandParent.child1 === parent) grandParent.child1 = sibling;
        else grandParent.child2 = sibling;
        sibling.parent = grandParent;
        releaseInternal(parent);
        let index = grandParent;
        while (index != null) {
            index = this.balance(index);
            const child1 = index.child1, child2 = index.child2;
            combine(index.aabb, child1.aabb, child2.aabb);
            index.height = 1 + Math.max(child1.height, child2.height);
            index = index.parent;
        }
    } else {
        this.m_root = sibling;
        sibling.parent = null;
        releaseInternal(parent);
    }
}

export function moveProxy(this: any, id: number, aabb: any, d: { x: number; y: number }): boolean {
    const node = this.m_nodes[id];
    const fat = node.aabb;
    // AABB.contains
    if (fat.lowerBound.x <= aabb.lowerBound.x && fat.lowerBound.y <= aabb.lowerBound.y &&
        aabb.upperBound.x <= fat.upperBound.x && aabb.upperBound.y <= fat.upperBound.y) return false;
    this.removeLeaf(node);
    // Extend the AABB, and further in the direction of motion.
    const extension = Settings.aabbExtension * Settings.lengthUnitsPerMeter;
    const multiplier = Settings.aabbMultiplier;
    fat.lowerBound.x = aabb.lowerBound.x; fat.lowerBound.y = aabb.lowerBound.y;
    fat.upperBound.x = aabb.upperBound.x; fat.upperBound.y = aabb.upperBound.y;
    fat.lowerBound.x -= extension; fat.lowerBound.y -= extension;
    fat.upperBound.x += extension; fat.upperBound.y += extension;
    if (d.x < 0) fat.lowerBound.x += d.x * multiplier;
    else fat.upperBound.x += d.x * multiplier;
    if (d.y < 0) fat.lowerBound.y += d.y * multiplier;
    else fat.upperBound.y += d.y * multiplier;
    this.insertLeaf(node);
    return true;
}

// One stack for every query: a query pushes above the entries of any query it runs inside of.
const stack: Node[] = [];
let top = 0;

export function query(this: any, aabb: any, queryCallback: (id: number) => boolean): void {
    const base = top;
    stack[top++] = this.m_root;
    while (top > base) {
        const node = stack[--top];
        if (node == null) continue;
        if (overlaps(node.aabb, aabb)) {
            if (node.child1 == null) {
                if (queryCallback(node.id) === false) { top = base; return; }
            } else {
                stack[top++] = node.child1;
                stack[top++] = node.child2;
            }
        }
    }
}

/** Tree height below the node with this id (a proxy) or the root; planck's looks children up by id. */
export function computeHeight(this: any, id?: number): number {
    const height = (node: Node): number => node.child1 == null ? 0 : 1 + Math.max(height(node.child1), height(node.child2));
    return height(id !== undefined ? this.m_nodes[id] : this.m_root);
}

/** BroadPhase.updatePairs: the tree query of each moved proxy with planck's pair callback inlined. */
export function updatePairs(this: any, addPairCallback: (userDataA: unknown, userDataB: unknown) => unknown): void {
    this.m_callback = addPairCallback;
    const tree = this.m_tree, buffer = this.m_moveBuffer;
    while (buffer.length > 0) {
        const queryId = buffer.pop();
        this.m_queryProxyId = queryId;
        if (queryId === null) continue;
        const queryLeaf = tree.m_nodes[queryId];
        // The query's fat AABB, read once: nothing in the search changes it.
        const fat = queryLeaf.aabb;
        const qlx = fat.lowerBound.x, qly = fat.lowerBound.y, qux = fat.upperBound.x, quy = fat.upperBound.y;
        const base = top;
        stack[top++] = tree.m_root;
        while (top > base) {
            const node = stack[--top];
            if (node == null) continue;
            // AABB.testOverlap(node.aabb, fat)
            const lo = node.aabb.lowerBound, up = node.aabb.upperBound;
            if (!(qlx - up.x > 0 || qly - up.y > 0 || lo.x - qux > 0 || lo.y - quy > 0)) {
                if (node.child1 == null) {
                    const id = node.id;
                    if (id === queryId) continue;
                    // The proxy with the smaller id is the pair's first.
                    const first = id < queryId ? node : queryLeaf, second = id < queryId ? queryLeaf : node;
                    addPairCallback(first.userData, second.userData);
                } else {
                    stack[top++] = node.child1;
                    stack[top++] = node.child2;
                }
            }
        }
    }
}

/** World.findNewContacts, with one pair callback per world instead of a new closure per call. */
export function findNewContacts(this: any): void {
    this.m_broadPhase.updatePairs(this.m_addPair ??= (proxyA: unknown, proxyB: unknown) => this.createContact(proxyA, proxyB));
}

// Fixture.synchronize: each proxy's AABB covers the child at both transforms. A chain's vertices are
// transformed once per transform and shared by the two edges that meet there; polygons and circles
// are computed inline. Same arithmetic as planck's transformVec2 and computeAABB.
let wx1 = new Float64Array(32), wy1 = new Float64Array(32), wx2 = new Float64Array(32), wy2 = new Float64Array(32);
const displacement = { x: 0, y: 0 };
// A shape's AABB at xf1 (0–3) and at xf2 (4–7): lower x, lower y, upper x, upper y.
const box = new Float64Array(8);
// Captured before install replaces it: other shapes (edges) keep planck's.
const planckFixtureSynchronize = Fixture.prototype.synchronize as (this: any, broadPhase: any, xf1: any, xf2: any) => void;

/** PolygonShape / CircleShape computeAABB into box[o..o+3]. */
function shapeAABB(shape: any, xf: any, o: number): void {
    const c = xf.q.c, s = xf.q.s, px = xf.p.x, py = xf.p.y, r = shape.m_radius;
    if (shape.m_type === 'circle') {
        const p = shape.m_p;
        const x = c * p.x - s * p.y + px, y = s * p.x + c * p.y + py;
        box[o] = x - r; box[o + 1] = y - r; box[o + 2] = x + r; box[o + 3] = y + r;
        return;
    }
    const vs = shape.m_vertices;
    let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    for (let i = 0; i < shape.m_count; i++) {
        const v = vs[i];
        const x = c * v.x - s * v.y + px, y = s * v.x + c * v.y + py;
        minX = Math.min(minX, x); maxX = Math.max(maxX, x);
        minY = Math.min(minY, y); maxY = Math.max(maxY, y);
    }
    box[o] = minX - r; box[o + 1] = minY - r; box[o + 2] = maxX + r; box[o + 3] = maxY + r;
}

export function fixtureSynchronize(this: any, broadPhase: any, xf1: any, xf2: any): void {
    const shape = this.m_shape, type = shape.m_type;
    if (type === 'chain') { synchronizeChain(this, broadPhase, xf1, xf2); return; }
    if (type !== 'polygon' && type !== 'circle') { planckFixtureSynchronize.call(this, broadPhase, xf1, xf2); return; }
    displacement.x = xf2.p.x - xf1.p.x; displacement.y = xf2.p.y - xf1.p.y;
    for (let k = 0; k < this.m_proxyCount; k++) {
        const proxy = this.m_proxies[k];
        shapeAABB(shape, xf1, 0);
        shapeAABB(shape, xf2, 4);
        // AABB.combine(aabb1, aabb2)
        const aabb = proxy.aabb;
        aabb.lowerBound.x = Math.min(box[0], box[4]); aabb.lowerBound.y = Math.min(box[1], box[5]);
        aabb.upperBound.x = Math.max(box[6], box[2]); aabb.upperBound.y = Math.max(box[7], box[3]);
        broadPhase.moveProxy(proxy.proxyId, aabb, displacement);
    }
}

function synchronizeChain(fixture: any, broadPhase: any, xf1: any, xf2: any): void {
    const shape = fixture.m_shape;
    const vs = shape.m_vertices, n = shape.m_count;
    if (wx1.length < n) {
        wx1 = new Float64Array(n); wy1 = new Float64Array(n); wx2 = new Float64Array(n); wy2 = new Float64Array(n);
    }
    const c1 = xf1.q.c, s1 = xf1.q.s, px1 = xf1.p.x, py1 = xf1.p.y;
    const c2 = xf2.q.c, s2 = xf2.q.s, px2 = xf2.p.x, py2 = xf2.p.y;
    for (let i = 0; i < n; i++) {
        const v = vs[i];
        wx1[i] = c1 * v.x - s1 * v.y + px1; wy1[i] = s1 * v.x + c1 * v.y + py1;
        wx2[i] = c2 * v.x - s2 * v.y + px2; wy2[i] = s2 * v.x + c2 * v.y + py2;
    }
    displacement.x = xf2.p.x - xf1.p.x; displacement.y = xf2.p.y - xf1.p.y;
    for (let k = 0; k < fixture.m_proxyCount; k++) {
        const proxy = fixture.m_proxies[k];
        // ChainShape.getVertex: past the last vertex means vertex 0.
        const i = proxy.childIndex, j = i + 1 < n ? i + 1 : 0;
        // AABB.combinePoints at each transform, then combine(aabb1, aabb2).
        const aabb = proxy.aabb;
        aabb.lowerBound.x = Math.min(Math.min(wx1[i], wx1[j]), Math.min(wx2[i], wx2[j]));
        aabb.lowerBound.y = Math.min(Math.min(wy1[i], wy1[j]), Math.min(wy2[i], wy2[j]));
        aabb.upperBound.x = Math.max(Math.max(wx2[i], wx2[j]), Math.max(wx1[i], wx1[j]));
        aabb.upperBound.y = Math.max(Math.max(wy2[i], wy2[j]), Math.max(wy1[i], wy1[j]));
        broadPhase.moveProxy(proxy.proxyId, aabb, displacement);
    }
}
