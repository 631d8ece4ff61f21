import { cleanOriginalName, contentDisposition, downloadName } from "./file-name";

describe("file names", () => {
  it("keeps only the base name, without control characters", () => {
    expect(cleanOriginalName("C:\\Users\\marie\\avis d'imposition 2025.pdf")).toBe("avis d'imposition 2025.pdf");
    expect(cleanOriginalName("../../etc/passwd\u0000")).toBe("passwd");
    expect(cleanOriginalName("  ")).toBe("document");
  });

  it("names the download after the detected type, not the uploaded extension", () => {
    expect(downloadName("scan.pdf", "png")).toBe("scan.png");
    expect(downloadName("carnet", "pdf")).toBe("carnet.pdf");
  });

  it("quotes a header-safe ASCII fallback and the UTF-8 name", () => {
    expect(contentDisposition("inline", 'carnet "Julien" été.pdf')).toBe(
      `inline; filename="carnet _Julien_ ete.pdf"; filename*=UTF-8''carnet%20%22Julien%22%20%C3%A9t%C3%A9.pdf`,
    );
  });
});
