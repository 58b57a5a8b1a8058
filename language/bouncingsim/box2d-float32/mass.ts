// Shape set-up and mass data in float32: b2PolygonShape::Set/ComputeMass, b2CircleShape::ComputeMass,
// b2Body::ResetMassData (applied by world.ts).
import { f, FLT_EPSILON, PI32 } from './float32.js';
import { synchronizeTransform } from './transforms.js';

const INV3 = f(1 / 3);
/** Box2D 2.3 b2PolygonShape::Set (hull, normals, centroid) in float32, written into a planck polygon. */
export function setPolygonF32(shape: any) {
    const n = shape.m_count;
    const vs = shape.m_vertices.slice(0, n).map((v: any) => ({ x: f(v.x), y: f(v.y) }));
    // gift wrapping as in Box2D
    let i0 = 0, x0 = vs[0].x;
    for (let i = 1; i < n; i++) { const x = vs[i].x; if (x > x0 || (x === x0 && vs[i].y < vs[i0].y)) { i0 = i; x0 = x; } }
    const hull: number[] = []; let ih = i0;
    for (;;) {
        hull.push(ih);
        let ie = 0;
        for (let j = 1; j < n; j++) {
            if (ie === ih) { ie = j; continue; }
            const h = vs[hull[hull.length - 1]];
            const rx = f(vs[ie].x - h.x), ry = f(vs[ie].y - h.y), vx = f(vs[j].x - h.x), vy = f(vs[j].y - h.y);
            const c = f(f(rx * vy) - f(ry * vx));
            if (c < 0) ie = j;
            if (c === 0 && f(f(vx * vx) + f(vy * vy)) > f(f(rx * rx) + f(ry * ry))) ie = j;
        }
        ih = ie;
        if (ie === i0) break;
    }
    const m = hull.length;
    const out = hull.map((k) => vs[k]);
    for (let i = 0; i < m; i++) { shape.m_vertices[i].x = out[i].x; shape.m_vertices[i].y = out[i].y; }
    shape.m_count = m;
    for (let i = 0; i < m; i++) {
        const a = out[i], b = out[i + 1 < m ? i + 1 : 0];
        const ex = f(b.x - a.x), ey = f(b.y - a.y);
        let nx = ey, ny = -ex; // b2Cross(edge, 1)
        const len = f(Math.sqrt(f(f(nx * nx) + f(ny * ny))));
        if (len >= FLT_EPSILON) { const inv = f(1 / len); nx = f(nx * inv); ny = f(ny * inv); }
        shape.m_normals[i].x = nx; shape.m_normals[i].y = ny;
    }
    // ComputeCentroid with pRef = 0
    let cx = 0, cy = 0, area = 0;
    for (let i = 0; i < m; i++) {
        const p2 = out[i], p3 = out[i + 1 < m ? i + 1 : 0];
        const D = f(f(p2.x * p3.y) - f(p2.y * p3.x));
        const tri = f(0.5 * D);
        area = f(area + tri);
        const k = f(tri * INV3);
        cx = f(cx + f(k * f(f(0 + p2.x) + p3.x)));
        cy = f(cy + f(k * f(f(0 + p2.y) + p3.y)));
    }
    const inv = f(1 / area);
    shape.m_centroid.x = f(cx * inv); shape.m_centroid.y = f(cy * inv);
    shape.m_radius = f(0.01);
}

/** b2PolygonShape / b2CircleShape ComputeMass in float32. */
function massDataF32(shape: any, density: number) {
    if (shape.m_type === 'circle') {
        const r = shape.m_radius;
        const mass = f(f(f(density * PI32) * r) * r);
        const p = shape.m_p;
        const I = f(mass * f(f(f(0.5 * r) * r) + f(f(p.x * p.x) + f(p.y * p.y))));
        return { mass, cx: p.x, cy: p.y, I };
    }
    const n = shape.m_count, v = shape.m_vertices;
    let sx = 0, sy = 0;
    for (let i = 0; i < n; i++) { sx = f(sx + v[i].x); sy = f(sy + v[i].y); }
    const invN = f(1 / n);
    sx = f(sx * invN); sy = f(sy * invN);
    let cx = 0, cy = 0, area = 0, I = 0;
    const k4 = f(0.25 * INV3);
    for (let i = 0; i < n; i++) {
        const e1x = f(v[i].x - sx), e1y = f(v[i].y - sy);
        const w = v[i + 1 < n ? i + 1 : 0];
        const e2x = f(w.x - sx), e2y = f(w.y - sy);
        const D = f(f(e1x * e2y) - f(e1y * e2x));
        const tri = f(0.5 * D);
        area = f(area + tri);
        const k = f(tri * INV3);
        cx = f(cx + f(k * f(e1x + e2x)));
        cy = f(cy + f(k * f(e1y + e2y)));
        const intx2 = f(f(f(e1x * e1x) + f(e2x * e1x)) + f(e2x * e2x));
        const inty2 = f(f(f(e1y * e1y) + f(e2y * e1y)) + f(e2y * e2y));
        I = f(I + f(f(k4 * D) * f(intx2 + inty2)));
    }
    const mass = f(density * area);
    const invA = f(1 / area);
    cx = f(cx * invA); cy = f(cy * invA);
    const mcx = f(cx + sx), mcy = f(cy + sy);
    let mI = f(density * I);
    mI = f(mI + f(mass * f(f(f(mcx * mcx) + f(mcy * mcy)) - f(f(cx * cx) + f(cy * cy)))));
    return { mass, cx: mcx, cy: mcy, I: mI };
}

/** b2Body::ResetMassData for a dynamic body with float32 arithmetic (after its fixtures exist). */
export function resetMassDataF32(body: any) {
    const sw = body.m_sweep;
    // Box2D's transform from the body definition: sinf/cosf of the float angle.
    synchronizeTransform.call(body);
    if (!body.isDynamic()) {
        sw.localCenter.x = 0; sw.localCenter.y = 0;
        sw.c.x = sw.c0.x = body.m_xf.p.x; sw.c.y = sw.c0.y = body.m_xf.p.y; sw.a0 = sw.a;
        return;
    }
    let mass = 0, lx = 0, ly = 0, I = 0;
    for (let fx = body.m_fixtureList; fx; fx = fx.m_next) {
        if (fx.m_density === 0) continue;
        const md = massDataF32(fx.m_shape, f(fx.m_density));
        mass = f(mass + md.mass);
        lx = f(lx + f(md.mass * md.cx)); ly = f(ly + f(md.mass * md.cy));
        I = f(I + md.I);
    }
    let invMass: number;
    if (mass > 0) { invMass = f(1 / mass); lx = f(lx * invMass); ly = f(ly * invMass); } else { mass = 1; invMass = 1; }
    let invI = 0;
    if (I > 0 && !body.m_fixedRotationFlag) { I = f(I - f(mass * f(f(lx * lx) + f(ly * ly)))); invI = f(1 / I); } else { I = 0; invI = 0; }
    body.m_mass = mass; body.m_invMass = invMass; body.m_I = I; body.m_invI = invI;
    const ox = sw.c.x, oy = sw.c.y;
    sw.localCenter.x = lx; sw.localCenter.y = ly;
    const xf = body.m_xf;
    const cx = f(f(f(xf.q.c * lx) - f(xf.q.s * ly)) + xf.p.x);
    const cy = f(f(f(xf.q.s * lx) + f(xf.q.c * ly)) + xf.p.y);
    sw.c.x = sw.c0.x = cx; sw.c.y = sw.c0.y = cy;
    const w = body.m_angularVelocity;
    body.m_linearVelocity.x = f(body.m_linearVelocity.x + f(-w * f(cy - oy)));
    body.m_linearVelocity.y = f(body.m_linearVelocity.y + f(w * f(cx - ox)));
}
