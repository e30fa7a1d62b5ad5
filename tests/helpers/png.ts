/** The size a PNG file declares in its header (IHDR), or an error saying why it is not a PNG. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } {
	const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
	if (bytes.length < 24 || signature.some((b, i) => bytes[i] !== b))
		throw new Error('Not a PNG file: the 8-byte signature is missing.');
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	if (String.fromCharCode(...bytes.subarray(12, 16)) !== 'IHDR')
		throw new Error('Not a PNG file: the first chunk is not IHDR.');
	return { width: view.getUint32(16), height: view.getUint32(20) };
}
