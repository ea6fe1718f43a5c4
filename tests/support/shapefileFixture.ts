/**
 * Writes a minimal polygon Shapefile (.shp + .dbf) in memory, for tests: the ESRI layout, one part per
 * polygon ring, text attributes only. Kept next to the importer so its tests need no binary fixtures.
 */
export function polygonShapefile(features: Array<{ rings: number[][][]; attributes: Record<string, string> }>, encode: (s: string) => Buffer = (s) => Buffer.from(s, 'utf8')): { shp: Buffer; dbf: Buffer } {
  const records: Buffer[] = [];
  let box = [Infinity, Infinity, -Infinity, -Infinity];
  features.forEach((f, i) => {
    const pts = f.rings.flat();
    const b = [Math.min(...pts.map((p) => p[0]!)), Math.min(...pts.map((p) => p[1]!)), Math.max(...pts.map((p) => p[0]!)), Math.max(...pts.map((p) => p[1]!))];
    box = [Math.min(box[0]!, b[0]!), Math.min(box[1]!, b[1]!), Math.max(box[2]!, b[2]!), Math.max(box[3]!, b[3]!)];
    const content = Buffer.alloc(44 + 4 * f.rings.length + 16 * pts.length);
    content.writeInt32LE(5, 0);
    b.forEach((v, k) => content.writeDoubleLE(v, 4 + 8 * k));
    content.writeInt32LE(f.rings.length, 36);
    content.writeInt32LE(pts.length, 40);
    let start = 0;
    f.rings.forEach((r, k) => {
      content.writeInt32LE(start, 44 + 4 * k);
      start += r.length;
    });
    const at = 44 + 4 * f.rings.length;
    pts.forEach((p, k) => {
      content.writeDoubleLE(p[0]!, at + 16 * k);
      content.writeDoubleLE(p[1]!, at + 16 * k + 8);
    });
    const header = Buffer.alloc(8);
    header.writeInt32BE(i + 1, 0);
    header.writeInt32BE(content.length / 2, 4);
    records.push(header, content);
  });
  const body = Buffer.concat(records);
  const head = Buffer.alloc(100);
  head.writeInt32BE(9994, 0);
  head.writeInt32BE((100 + body.length) / 2, 24);
  head.writeInt32LE(1000, 28);
  head.writeInt32LE(5, 32);
  box.forEach((v, k) => head.writeDoubleLE(v, 36 + 8 * k));

  const fields = Object.keys(features[0]?.attributes ?? {});
  const width = 60;
  const dbfHead = Buffer.alloc(32 + 32 * fields.length + 1);
  dbfHead.writeUInt8(0x03, 0);
  dbfHead.writeUInt8(121, 1);
  dbfHead.writeUInt8(10, 2);
  dbfHead.writeUInt8(29, 3);
  dbfHead.writeUInt32LE(features.length, 4);
  dbfHead.writeUInt16LE(dbfHead.length, 8);
  dbfHead.writeUInt16LE(1 + width * fields.length, 10);
  fields.forEach((name, k) => {
    dbfHead.write(name.slice(0, 10), 32 + 32 * k, 'latin1');
    dbfHead.write('C', 32 + 32 * k + 11, 'latin1');
    dbfHead.writeUInt8(width, 32 + 32 * k + 16);
  });
  dbfHead.writeUInt8(0x0d, dbfHead.length - 1);
  const rows = features.map((f) => {
    const row = Buffer.alloc(1 + width * fields.length, 0x20);
    fields.forEach((name, k) => encode(f.attributes[name] ?? '').copy(row, 1 + width * k, 0, width));
    return row;
  });
  return { shp: Buffer.concat([head, body]), dbf: Buffer.concat([dbfHead, ...rows, Buffer.from([0x1a])]) };
}
