// The URL grammar of every supported site, table-driven: each row is a real URL shape and the
// coolpapers path it must open.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cleanTitle, findArxivIds, pathForTarget, pathForText, pathForUrl, searchWords } from '../src/paper_path.js';

const kCvfStem = 'Park_SplineGS_Robust_Motion-Adaptive_Spline_for_Real-Time_Dynamic_3D_Gaussians_from';
const kNipsHash = '4441469427094f8873d0fecb0c4e1cee';

const kPaperUrls = [
  // arXiv: abs, pdf, html; new and old ids; versions dropped.
  ['https://arxiv.org/abs/2401.06769', '/arxiv/2401.06769'],
  ['https://arxiv.org/abs/2401.06769v2', '/arxiv/2401.06769'],
  ['https://arxiv.org/pdf/2401.06769', '/arxiv/2401.06769'],
  ['https://arxiv.org/pdf/2401.06769v2', '/arxiv/2401.06769'],
  ['https://arxiv.org/pdf/2401.06769v2.pdf', '/arxiv/2401.06769'],
  ['https://arxiv.org/html/2401.06769v2', '/arxiv/2401.06769'],
  ['https://arxiv.org/html/2401.06769v2/#S3', '/arxiv/2401.06769'],
  ['https://arxiv.org/abs/1406.2661', '/arxiv/1406.2661'],
  ['https://arxiv.org/abs/hep-th/9901001', '/arxiv/hep-th/9901001'],
  ['https://arxiv.org/abs/hep-th/9901001v3', '/arxiv/hep-th/9901001'],
  ['https://arxiv.org/pdf/hep-th/9901001v1', '/arxiv/hep-th/9901001'],
  ['https://arxiv.org/abs/math.GT/0309136', '/arxiv/math.GT/0309136'],
  ['https://arxiv.org/pdf/math.GT/0309136v2.pdf', '/arxiv/math.GT/0309136'],
  ['https://arxiv.org/abs/cs/0506078', '/arxiv/cs/0506078'],
  ['https://arxiv.org/abs/quant-ph/0201082', '/arxiv/quant-ph/0201082'],
  ['http://export.arxiv.org/abs/2401.06769', '/arxiv/2401.06769'],
  ['https://export.arxiv.org/abs/hep-th/9901001v2', '/arxiv/hep-th/9901001'],
  ['https://www.arxiv.org/abs/2401.06769', '/arxiv/2401.06769'],
  ['https://arxiv.org/format/2401.06769', '/arxiv/2401.06769'],
  ['https://arxiv.org/list/cs.AI/new', '/arxiv/cs.AI'],
  ['https://arxiv.org/list/hep-th/recent', '/arxiv/hep-th'],
  // Sites that show arXiv papers under their ids.
  ['https://www.alphaxiv.org/abs/2401.06769', '/arxiv/2401.06769'],
  ['https://alphaxiv.org/abs/2401.06769v2', '/arxiv/2401.06769'],
  ['https://www.alphaxiv.org/overview/2401.06769', '/arxiv/2401.06769'],
  ['https://huggingface.co/papers/2401.06769', '/arxiv/2401.06769'],
  ['https://huggingface.co/papers/2401.06769#community', '/arxiv/2401.06769'],
  ['https://doi.org/10.48550/arXiv.2401.06769', '/arxiv/2401.06769'],
  ['file:///home/reader/Downloads/2401.06769v2.pdf', '/arxiv/2401.06769'],
  // OpenReview: forum, pdf and attachment by forum id.
  ['https://openreview.net/forum?id=NGB6YNnO5o', '/venue/NGB6YNnO5o@OpenReview'],
  ['https://openreview.net/forum?id=NGB6YNnO5o&noteId=abcDEF123', '/venue/NGB6YNnO5o@OpenReview'],
  ['https://openreview.net/pdf?id=rnJxelIZrq', '/venue/rnJxelIZrq@OpenReview'],
  ['https://openreview.net/attachment?id=rnJxelIZrq&name=supplementary_material', '/venue/rnJxelIZrq@OpenReview'],
  // ACL Anthology: the paper page and its PDF, new and old ids.
  ['https://aclanthology.org/2024.naacl-long.431/', '/venue/2024.naacl-long.431@ACL'],
  ['https://aclanthology.org/2024.naacl-long.431', '/venue/2024.naacl-long.431@ACL'],
  ['https://aclanthology.org/2024.naacl-long.431.pdf', '/venue/2024.naacl-long.431@ACL'],
  ['https://aclanthology.org/2024.naacl-long.431v2.pdf', '/venue/2024.naacl-long.431@ACL'],
  ['https://aclanthology.org/2023.findings-emnlp.12/', '/venue/2023.findings-emnlp.12@ACL'],
  ['https://aclanthology.org/P19-1001/', '/venue/P19-1001@ACL'],
  ['https://aclanthology.org/P19-1001.pdf', '/venue/P19-1001@ACL'],
  // PMLR: the page and the PDF.
  ['https://proceedings.mlr.press/v235/abbas24a.html', '/venue/abbas24a@v235@PMLR'],
  ['https://proceedings.mlr.press/v235/abbas24a/abbas24a.pdf', '/venue/abbas24a@v235@PMLR'],
  ['https://proceedings.mlr.press/v235/abbas24a/abbas24a-supp.pdf', '/venue/abbas24a@v235@PMLR'],
  ['http://proceedings.mlr.press/v22/slug12b/slug12b.pdf', '/venue/slug12b@v22@PMLR'],
  // IJCAI: page and PDF; the PDF's zero padding dropped.
  ['https://www.ijcai.org/proceedings/2024/123', '/venue/123@2024@IJCAI'],
  ['https://ijcai.org/proceedings/2024/0123.pdf', '/venue/123@2024@IJCAI'],
  ['https://www.ijcai.org/proceedings/2023/0007.pdf', '/venue/7@2023@IJCAI'],
  // CVF open access: 2021 on, and the older content_<CONF>_<YEAR> folders.
  [`https://openaccess.thecvf.com/content/CVPR2025/html/${kCvfStem}_CVPR_2025_paper.html`, `/venue/${kCvfStem}@CVPR2025@CVF`],
  [`https://openaccess.thecvf.com/content/CVPR2025/papers/${kCvfStem}_CVPR_2025_paper.pdf`, `/venue/${kCvfStem}@CVPR2025@CVF`],
  ['https://openaccess.thecvf.com/content/ICCV2023/html/Li_Foo_Bar_ICCV_2023_paper.html', '/venue/Li_Foo_Bar@ICCV2023@CVF'],
  ['http://openaccess.thecvf.com/content_ICCV_2019/html/Li_Foo_ICCV_2019_paper.html', '/venue/Li_Foo@ICCV2019@CVF'],
  // NeurIPS: the abstract page (track suffix from 2022) and the PDF.
  [`https://papers.nips.cc/paper_files/paper/2023/hash/${kNipsHash}-Abstract-Conference.html`, `/venue/${kNipsHash}@2023@NeurIPS`],
  [`https://papers.nips.cc/paper_files/paper/2023/hash/${kNipsHash}-Abstract-Datasets_and_Benchmarks.html`, `/venue/${kNipsHash}@2023@NeurIPS`],
  [`https://papers.nips.cc/paper_files/paper/2023/file/${kNipsHash}-Paper-Conference.pdf`, `/venue/${kNipsHash}@2023@NeurIPS`],
  [`https://proceedings.neurips.cc/paper/2019/hash/${kNipsHash}-Abstract.html`, `/venue/${kNipsHash}@2019@NeurIPS`],
];

test('pathForUrl: every supported paper URL shape opens its coolpapers page', () => {
  for (const [url, path] of kPaperUrls) assert.equal(pathForUrl(url), path, url);
});

test('pathForUrl: pages that show no one paper give null', () => {
  for (const url of [
    'https://arxiv.org/', 'https://arxiv.org/a/someone_1', 'https://huggingface.co/papers',
    'https://openreview.net/group?id=ICLR.cc/2024/Conference', 'https://openreview.net/forum?id=',
    'https://aclanthology.org/events/naacl-2024/', 'https://aclanthology.org/volumes/2024.naacl-long/',
    'https://aclanthology.org/2024.naacl-long.pdf', 'https://proceedings.mlr.press/v235/',
    'https://www.ijcai.org/proceedings/2024/', 'https://openaccess.thecvf.com/CVPR2025?day=all',
    'https://papers.nips.cc/paper_files/paper/2023', 'https://example.org/2401/06769',
    'https://example.org/v1.2401.06769', 'chrome://extensions/', 'about:blank', 'file:///home/reader/notes.txt', 'not a url', '', undefined,
  ]) assert.equal(pathForUrl(url), null, String(url));
});

test('findArxivIds: new and old ids in prose, versions dropped, each once, in order', () => {
  assert.deepEqual(findArxivIds('see arXiv:2401.06769v2, 1406.2661 and hep-th/9901001v1; again 2401.06769'),
    ['2401.06769', '1406.2661', 'hep-th/9901001']);
  assert.deepEqual(findArxivIds('math.GT/0309136 and cs/0506078'), ['math.GT/0309136', 'cs/0506078']);
});

test('findArxivIds: numbers that are not ids are left alone', () => {
  for (const text of ['3.14159', '2024.12345', '1913.12345', '12401.06769', '2401.067691', 'v2401.06769',
    'and/0123456', 'hep-th/99010011', 'version 1.2401.0677', 'phone 0123.4567 ext']) {
    assert.deepEqual(findArxivIds(text), [], text);
  }
});

test('pathForText: several selected ids open on one page', () => {
  assert.equal(pathForText('2401.06769\n2312.00752\nhep-th/9901001'), '/arxiv/2401.06769,2312.00752,hep-th/9901001');
  assert.equal(pathForText('[1] Attention... arXiv:1706.03762. [2] Mamba, arXiv:2312.00752v2.'), '/arxiv/1706.03762,2312.00752');
});

test('pathForText: selected proceedings URLs open on one venue page', () => {
  assert.equal(
    pathForText('https://openreview.net/forum?id=NGB6YNnO5o and https://aclanthology.org/2024.naacl-long.431/'),
    '/venue/NGB6YNnO5o@OpenReview,2024.naacl-long.431@ACL');
  assert.equal(pathForText('no ids here'), null);
  assert.equal(pathForText(undefined), null);
});

test('pathForTarget: the selection first, then the link, the page, the frame', () => {
  const page = 'https://arxiv.org/abs/2401.06769';
  assert.equal(pathForTarget({ selectionText: '2312.00752', linkUrl: 'https://arxiv.org/abs/1706.03762', pageUrl: page }),
    '/arxiv/2312.00752');
  assert.equal(pathForTarget({ linkUrl: 'https://openreview.net/pdf?id=abcDEF', pageUrl: page }), '/venue/abcDEF@OpenReview');
  assert.equal(pathForTarget({ linkUrl: 'https://example.org/', pageUrl: page }), '/arxiv/2401.06769');
  assert.equal(pathForTarget({ pageUrl: 'https://example.org/', frameUrl: 'https://arxiv.org/pdf/1706.03762v7' }),
    '/arxiv/1706.03762');
});

test('pathForTarget: an unknown page searches its selection, else its title', () => {
  assert.equal(pathForTarget({ selectionText: 'Mamba: Linear-Time Sequence Modeling', pageUrl: 'https://example.org/' }),
    '/arxiv/search?query=Mamba%20Linear%20Time%20Sequence%20Modeling');
  assert.equal(pathForTarget({ pageUrl: 'https://blog.example/post', title: 'Attention Is All You Need | A Blog' }),
    '/arxiv/search?query=Attention%20Is%20All%20You%20Need');
  // A proceedings site's page that is not one paper searches the venue branch.
  assert.equal(pathForTarget({ pageUrl: 'https://openreview.net/group?id=ICLR.cc/2024/Conference', title: 'ICLR 2024 Conference | OpenReview' }),
    '/venue/search?query=ICLR%202024%20Conference');
  assert.equal(pathForTarget({ pageUrl: 'https://example.org/', title: '' }), null);
  assert.equal(pathForTarget({ pageUrl: 'https://blog.example/untitled', title: 'blog.example/untitled' }), null,
    'a page without a title shows its URL as one');
  assert.equal(pathForTarget(), null);
});

test('searchWords: only words, so a title cannot speak the search syntax', () => {
  assert.equal(searchWords('"Quoted" -minus title:colon (parens)'), 'Quoted minus title colon parens');
  assert.equal(searchWords('To Be OR Not To Be, AND a 3 D model'), 'To Be or Not To Be and 3 model');
  assert.equal(searchWords('Schrödinger 方程 solver'), 'Schrödinger 方程 solver');
  assert.equal(searchWords(' - , '), null);
});

test('cleanTitle: the site around a paper title is dropped, the title kept', () => {
  const table = [
    ['[2401.06769] Naive Bayes-based Context Extension', 'Naive Bayes-based Context Extension'],
    ['Paper page - Mamba: Linear-Time Sequence Modeling', 'Mamba: Linear-Time Sequence Modeling'],
    ['Deep Residual Learning | OpenReview', 'Deep Residual Learning'],
    ['Naive Bayes-based Context Extension - ACL Anthology', 'Naive Bayes-based Context Extension'],
    ['GPT-4 Technical Report', 'GPT-4 Technical Report'],
    ['Transformers - a survey of the architectures of attention models', 'Transformers - a survey of the architectures of attention models'],
  ];
  for (const [title, expected] of table) assert.equal(cleanTitle(title), expected, title);
});
